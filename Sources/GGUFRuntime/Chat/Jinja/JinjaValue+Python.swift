/// Python's `str`, `repr`, `json.dumps`, equality and ordering for template values.
extension JinjaValue {
    /// Python `str(value)`, which `{{ value }}` prints. Undefined prints as the empty string.
    var pythonString: String {
        switch self {
        case .undefined: return ""
        case .string(let value): return value
        default: return pythonRepresentation
        }
    }

    /// Python `repr(value)`.
    var pythonRepresentation: String {
        switch self {
        case .undefined: return ""
        case .none: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .integer(let value): return String(value)
        case .float(let value): return Self.pythonFloat(value)
        case .string(let value): return Self.pythonQuoted(value)
        case .list(let items): return "[" + items.map(\.pythonRepresentation).joined(separator: ", ") + "]"
        case .object(let object):
            let entries = object.entries.map { Self.pythonQuoted($0.key) + ": " + $0.value.pythonRepresentation }
            return "{" + entries.joined(separator: ", ") + "}"
        case .namespace(let namespace): return "<Namespace \(JinjaValue.object(namespace.object).pythonRepresentation)>"
        case .callable: return "<function>"
        }
    }

    static func pythonFloat(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e16 { return String(Int(value)) + ".0" }
        return String(value)
    }

    static func pythonQuoted(_ value: String) -> String {
        let quote: Character = value.contains("'") && !value.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if Character(scalar) == quote {
                    result += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + hex(scalar.value, digits: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result.append(quote)
        return result
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// `json.dumps(value, ensure_ascii=False, indent=indent)`, as Hugging Face's `tojson` filter does.
    func json(indent: Int?, sortKeys: Bool = false, level: Int = 0) -> String {
        switch self {
        case .undefined, .none, .callable: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .float(let value):
            if value.isNaN { return "NaN" }
            if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
            return Self.pythonFloat(value)
        case .string(let value): return Self.jsonQuoted(value)
        case .list(let items):
            return Self.jsonContainer(
                open: "[", close: "]",
                parts: items.map { $0.json(indent: indent, sortKeys: sortKeys, level: level + 1) },
                indent: indent, level: level)
        case .object(let object):
            var entries = object.entries
            if sortKeys { entries.sort { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) } }
            let parts = entries.map {
                Self.jsonQuoted($0.key) + ": " + $0.value.json(indent: indent, sortKeys: sortKeys, level: level + 1)
            }
            return Self.jsonContainer(open: "{", close: "}", parts: parts, indent: indent, level: level)
        case .namespace(let namespace):
            return JinjaValue.object(namespace.object).json(indent: indent, sortKeys: sortKeys, level: level)
        }
    }

    private static func jsonContainer(open: String, close: String, parts: [String], indent: Int?, level: Int) -> String
    {
        guard !parts.isEmpty else { return open + close }
        guard let indent else { return open + parts.joined(separator: ", ") + close }
        let inner = "\n" + String(repeating: " ", count: indent * (level + 1))
        let outer = "\n" + String(repeating: " ", count: indent * level)
        return open + inner + parts.joined(separator: "," + inner) + outer + close
    }

    static func jsonQuoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 {
                    result += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Python `==`.
    func pythonEquals(_ other: JinjaValue) -> Bool {
        switch (self, other) {
        case (.undefined, .undefined), (.none, .none): return true
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.pythonEquals($1) }
        case (.object(let a), .object(let b)):
            return a.keys.count == b.keys.count
                && a.keys.allSatisfy { key in b[key].map { a[key]!.pythonEquals($0) } ?? false }
        case (.namespace(let a), .namespace(let b)): return a === b
        default:
            if let a = number, let b = other.number {
                if case .bool = self, case .bool = other { return a == b }
                return a == b
            }
            return false
        }
    }

    /// Python `<`, or nil when the values cannot be ordered.
    func pythonLess(_ other: JinjaValue) -> Bool? {
        switch (self, other) {
        case (.string(let a), .string(let b)): return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) where !x.pythonEquals(y) { return x.pythonLess(y) }
            return a.count < b.count
        default:
            if let a = number, let b = other.number { return a < b }
            return nil
        }
    }
}
