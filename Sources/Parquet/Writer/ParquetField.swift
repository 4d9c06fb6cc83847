/// One named column (or struct member, list element, map value) of a schema the writer produces.
///
/// The types follow Arrow's, which is what pyarrow, polars and `datasets` expect to read back: a ``ParquetRecord``
/// value becomes a struct, a list a three-level LIST, and a column of nulls Arrow's null type.
///
/// ```swift
/// let schema = [
///     ParquetField("id", .int64, isNullable: false),
///     ParquetField("generations", .list(ParquetField("element", .string))),
/// ]
/// ```
public struct ParquetField: Sendable, Hashable {
    public var name: String
    public var type: ParquetFieldType
    /// Whether the value may be null (an OPTIONAL field); `false` writes a REQUIRED field.
    public var isNullable: Bool

    public init(_ name: String, _ type: ParquetFieldType, isNullable: Bool = true) {
        self.name = name
        self.type = type
        self.isNullable = isNullable
    }
}

/// The type of a ``ParquetField``.
public indirect enum ParquetFieldType: Sendable, Hashable {
    /// Arrow's null type: every value is null (INT32 annotated UNKNOWN).
    case null
    case bool
    case int32
    case int64
    /// INT64 annotated as an unsigned 64-bit integer; holds ``ParquetValue/uint(_:)`` values.
    case uint64
    case float
    case double
    /// UTF-8 text (BYTE_ARRAY annotated STRING).
    case string
    case binary
    /// Days since 1970-01-01 (INT32 annotated DATE).
    case date
    case timestamp(ParquetTimeUnit, isAdjustedToUTC: Bool)
    case time(ParquetTimeUnit, isAdjustedToUTC: Bool)
    /// BYTE_ARRAY annotated DECIMAL.
    case decimal(precision: Int, scale: Int)
    /// A three-level LIST whose repeated group is `list` and whose element field is given.
    case list(ParquetField)
    /// A MAP of required keys to values.
    case map(key: ParquetFieldType, value: ParquetField)
    /// A struct: a group of fields.
    case record([ParquetField])
}

extension ParquetFieldType: CustomStringConvertible {
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int32: return "int32"
        case .int64: return "int64"
        case .uint64: return "uint64"
        case .float: return "float"
        case .double: return "double"
        case .string: return "string"
        case .binary: return "binary"
        case .date: return "date32"
        case .timestamp(let unit, let utc): return "timestamp[\(unit.rawValue)\(utc ? ", UTC" : "")]"
        case .time(let unit, _): return "time[\(unit.rawValue)]"
        case .decimal(let precision, let scale): return "decimal(\(precision), \(scale))"
        case .list(let element): return "list<\(element.type)>"
        case .map(let key, let value): return "map<\(key), \(value.type)>"
        case .record(let fields): return "struct<\(fields.map { "\($0.name): \($0.type)" }.joined(separator: ", "))>"
        }
    }
}
