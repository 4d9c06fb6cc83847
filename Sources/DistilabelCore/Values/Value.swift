/// A JSON-like value held in one column of a ``Row``.
///
/// Integers and doubles are kept apart (an `int` never turns into a `double` on a round trip through JSON), and
/// struct fields keep their order.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case list([Value])
    /// A struct: named fields in order.
    case `struct`(Row)
}

extension Value {
    /// Whether this is ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string, when this is a ``string(_:)``.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The integer, when this is an ``int(_:)``.
    public var intValue: Int64? {
        if case .int(let int) = self { return int }
        return nil
    }

    /// The number as a double, when this is an ``int(_:)`` or a ``double(_:)``.
    public var doubleValue: Double? {
        switch self {
        case .int(let int): return Double(int)
        case .double(let double): return double
        default: return nil
        }
    }

    /// The boolean, when this is a ``bool(_:)``.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The elements, when this is a ``list(_:)``.
    public var listValue: [Value]? {
        if case .list(let list) = self { return list }
        return nil
    }

    /// The fields, when this is a ``struct(_:)``.
    public var structValue: Row? {
        if case .struct(let row) = self { return row }
        return nil
    }

    /// A short name of this value's kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "double"
        case .string: return "string"
        case .list: return "list"
        case .struct: return "struct"
        }
    }
}

extension Value: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .struct(Row(elements.map { ($0.0, $0.1) }))
    }
}

extension Value: CustomStringConvertible {
    /// The value as compact JSON.
    public var description: String { jsonString() }
}
