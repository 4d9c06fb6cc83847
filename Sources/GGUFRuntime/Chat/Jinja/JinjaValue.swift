/// A value while a template renders. Mirrors the Python values jinja2 works with.
indirect enum JinjaValue {
    case undefined
    case none
    case bool(Bool)
    case integer(Int)
    case float(Double)
    case string(String)
    /// Python lists and tuples.
    case list([JinjaValue])
    /// A Python dict with string keys, in insertion order.
    case object(JinjaObject)
    /// A mutable `namespace()` object.
    case namespace(JinjaNamespace)
    case callable(JinjaCallable)

    /// Python truthiness.
    var isTruthy: Bool {
        switch self {
        case .undefined, .none: return false
        case .bool(let value): return value
        case .integer(let value): return value != 0
        case .float(let value): return value != 0
        case .string(let value): return !value.isEmpty
        case .list(let items): return !items.isEmpty
        case .object(let object): return !object.keys.isEmpty
        case .namespace, .callable: return true
        }
    }

    var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    /// The Python type name, for error messages.
    var typeName: String {
        switch self {
        case .undefined: return "undefined"
        case .none: return "NoneType"
        case .bool: return "bool"
        case .integer: return "int"
        case .float: return "float"
        case .string: return "str"
        case .list: return "list"
        case .object: return "dict"
        case .namespace: return "Namespace"
        case .callable: return "function"
        }
    }

    /// The number as a Double when this is a number or a bool.
    var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .float(let value): return value
        case .bool(let value): return value ? 1 : 0
        default: return nil
        }
    }

    init(_ literal: JinjaLiteral) {
        switch literal {
        case .none: self = .none
        case .bool(let value): self = .bool(value)
        case .integer(let value): self = .integer(value)
        case .float(let value): self = .float(value)
        case .string(let value): self = .string(value)
        }
    }

    init(_ value: TemplateValue) {
        switch value {
        case .null: self = .none
        case .bool(let value): self = .bool(value)
        case .integer(let value): self = .integer(value)
        case .double(let value): self = .float(value)
        case .string(let value): self = .string(value)
        case .array(let items): self = .list(items.map(JinjaValue.init))
        case .object(let entries):
            var object = JinjaObject()
            for entry in entries { object[entry.key] = JinjaValue(entry.value) }
            self = .object(object)
        }
    }
}

/// A Python dict with string keys that remembers insertion order.
struct JinjaObject {
    private(set) var keys: [String] = []
    private var storage: [String: JinjaValue] = [:]

    subscript(key: String) -> JinjaValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    var entries: [(key: String, value: JinjaValue)] { keys.map { ($0, storage[$0]!) } }
}

/// The object `namespace()` returns: attributes assigned with `{% set ns.name = … %}` survive loop scopes.
final class JinjaNamespace {
    var object = JinjaObject()
}

/// Something a template can call.
indirect enum JinjaCallable {
    /// A global function such as `range` or `raise_exception`.
    case builtin(String)
    /// A method bound to a value, such as `'a b'.split`.
    case method(JinjaValue, String)
    case macro(JinjaMacro)
    /// `loop.cycle` of the loop iteration with this zero-based index.
    case cycle(Int)
}
