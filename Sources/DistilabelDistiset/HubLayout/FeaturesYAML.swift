import Parquet

/// The `features` list of a dataset card's `dataset_info`, in the YAML form of `datasets.Features._to_yaml_list`:
/// a value is `dtype: string`, a struct `struct: [fields]`, a list `list: string` (a list of values) or
/// `list: [fields]` (a list of structs) or a nested `list:` mapping (a list of lists).
enum FeaturesYAML {
    /// The lines of the list, each indented by `indent` spaces.
    static func lines(for fields: [ParquetField], indent: Int) -> [String] {
        fieldList(fields, indent: indent)
    }

    private static func fieldList(_ fields: [ParquetField], indent: Int) -> [String] {
        var lines: [String] = []
        let pad = String(repeating: " ", count: indent)
        for field in fields {
            var body = feature(field.type, indent: indent + 2)
            lines.append(pad + "- name: " + YAMLText.scalar(field.name))
            if !body.isEmpty { body[0] = pad + "  " + body[0].trimmingSpaces() }
            lines.append(contentsOf: body)
        }
        return lines
    }

    /// The mapping lines of one feature, at `indent`.
    private static func feature(_ type: ParquetFieldType, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch type {
        case .record(let fields):
            return [pad + "struct:"] + fieldList(fields, indent: indent)
        case .list(let element):
            switch element.type {
            case .record(let fields):
                return [pad + "list:"] + fieldList(fields, indent: indent)
            case .list, .map:
                return [pad + "list:"] + feature(element.type, indent: indent + 2)
            default:
                return [pad + "list: " + dtype(element.type)]
            }
        case .map(let key, let value):
            // `datasets` has no map feature; pyarrow reads a map as a list of {key, value} structs.
            return [pad + "list:"]
                + fieldList(
                    [ParquetField("key", key, isNullable: false), ParquetField("value", value.type)], indent: indent)
        default:
            return [pad + "dtype: " + dtype(type)]
        }
    }

    /// The `datasets` dtype (pyarrow's type name) of a primitive type.
    static func dtype(_ type: ParquetFieldType) -> String {
        switch type {
        case .null: return "'null'"
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
}
