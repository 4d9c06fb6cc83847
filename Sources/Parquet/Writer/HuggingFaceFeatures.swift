/// The `huggingface` key/value metadata that Hugging Face `datasets` writes and reads back as a dataset's features.
///
/// For a schema `id int64, messages list<struct<role string, content string>>` it is
/// `{"info": {"features": {"id": {"dtype": "int64", "_type": "Value"}, "messages": {"feature": {"role": …,
/// "content": …}, "_type": "List"}}}}`: structs are plain objects, lists are `List` features.
public enum HuggingFaceFeatures {
    /// The metadata value for `fields`; throws for types `datasets` has no feature for (maps).
    public static func json(for fields: [ParquetField]) throws(ParquetError) -> String {
        "{\"info\": {\"features\": \(try object(fields, path: ""))}}"
    }

    private static func object(_ fields: [ParquetField], path: String) throws(ParquetError) -> String {
        var members: [String] = []
        for field in fields {
            members.append("\(quoted(field.name)): \(try feature(field.type, path: path + field.name))")
        }
        return "{" + members.joined(separator: ", ") + "}"
    }

    private static func feature(_ type: ParquetFieldType, path: String) throws(ParquetError) -> String {
        switch type {
        case .list(let element):
            return "{\"feature\": \(try feature(element.type, path: path + ".element")), \"_type\": \"List\"}"
        case .record(let fields): return try object(fields, path: path + ".")
        case .map:
            throw .schema(path: path, reason: "Hugging Face datasets has no feature type for maps")
        default:
            return "{\"dtype\": \(quoted(dtype(type))), \"_type\": \"Value\"}"
        }
    }

    /// The `datasets` dtype string (pyarrow's type name) of a primitive type.
    static func dtype(_ type: ParquetFieldType) -> String {
        switch type {
        case .null: return "null"
        case .bool: return "bool"
        case .int32: return "int32"
        case .int64: return "int64"
        case .uint64: return "uint64"
        case .float: return "float32"
        case .double: return "float64"
        case .string: return "string"
        case .binary: return "binary"
        case .date: return "date32"
        case .timestamp(let unit, let utc): return "timestamp[\(abbreviation(unit))\(utc ? ", tz=UTC" : "")]"
        case .time(let unit, _): return unit == .millis ? "time32[ms]" : "time64[\(abbreviation(unit))]"
        case .decimal(let precision, let scale): return "decimal128(\(precision), \(scale))"
        case .list, .map, .record: return "struct"
        }
    }

    private static func abbreviation(_ unit: ParquetTimeUnit) -> String {
        switch unit {
        case .millis: return "ms"
        case .micros: return "us"
        case .nanos: return "ns"
        }
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
