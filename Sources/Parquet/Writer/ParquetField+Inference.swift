extension ParquetFieldType {
    /// The type `pyarrow.Table.from_pylist` would give `value`: ints are int64, structs keep their fields in order
    /// of appearance, lists take the unified type of their elements, and `null` stays ``null`` until unified.
    public static func inferred(from value: ParquetValue) throws(ParquetError) -> ParquetFieldType {
        switch value {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int64
        case .uint: return .uint64
        case .float: return .float
        case .double: return .double
        case .string: return .string
        case .bytes: return .binary
        case .date: return .date
        case .timestamp(_, let unit, let utc): return .timestamp(unit, isAdjustedToUTC: utc)
        case .time(_, let unit, let utc): return .time(unit, isAdjustedToUTC: utc)
        case .decimal(let decimal): return .decimal(precision: decimal.precision, scale: decimal.scale)
        case .list(let items):
            var element = ParquetFieldType.null
            for item in items { element = try element.unified(with: inferred(from: item), path: "element") }
            return .list(ParquetField("element", element))
        case .map(let entries):
            var key = ParquetFieldType.null
            var valueType = ParquetFieldType.null
            for entry in entries {
                key = try key.unified(with: inferred(from: entry.key), path: "key")
                valueType = try valueType.unified(with: inferred(from: entry.value), path: "value")
            }
            return .map(key: key, value: ParquetField("value", valueType))
        case .record(let record):
            var fields: [ParquetField] = []
            for (name, member) in zip(record.names, record.values) {
                fields.append(ParquetField(name, try inferred(from: member)))
            }
            return .record(fields)
        }
    }

    /// The narrowest type that holds values of both types: `null` widens to anything, ints and floats to double,
    /// structs to the union of their fields, lists and maps element-wise.
    public func unified(with other: ParquetFieldType, path: String) throws(ParquetError) -> ParquetFieldType {
        if self == other { return self }
        switch (self, other) {
        case (.null, _): return other
        case (_, .null): return self
        case (.int64, .double), (.double, .int64), (.int32, .double), (.double, .int32), (.float, .double),
            (.double, .float), (.int64, .float), (.float, .int64), (.int32, .float), (.float, .int32):
            return .double
        case (.int32, .int64), (.int64, .int32): return .int64
        case (.list(let a), .list(let b)):
            return .list(ParquetField(a.name, try a.type.unified(with: b.type, path: path + ".element")))
        case (.map(let keyA, let valueA), .map(let keyB, let valueB)):
            return .map(
                key: try keyA.unified(with: keyB, path: path + ".key"),
                value: ParquetField(valueA.name, try valueA.type.unified(with: valueB.type, path: path + ".value")))
        case (.record(let a), .record(let b)):
            var fields = a
            for field in b {
                if let index = fields.firstIndex(where: { $0.name == field.name }) {
                    fields[index].type = try fields[index].type.unified(with: field.type, path: path + "." + field.name)
                } else {
                    fields.append(field)
                }
            }
            return .record(fields)
        default:
            throw ParquetError.schema(
                path: path, reason: "holds both \(self) and \(other) values; give the writer an explicit schema")
        }
    }
}

extension ParquetField {
    /// The schema of `rows`, unified over all of them: a field missing from some rows is nullable there.
    public static func inferredSchema(from rows: some Sequence<ParquetRecord>) throws(ParquetError) -> [ParquetField] {
        var schema = ParquetFieldType.record([])
        for row in rows {
            var fields: [ParquetField] = []
            fields.reserveCapacity(row.names.count)
            for (name, value) in zip(row.names, row.values) {
                fields.append(ParquetField(name, try ParquetFieldType.inferred(from: value)))
            }
            schema = try schema.unified(with: .record(fields), path: "")
        }
        guard case .record(let fields) = schema else { return [] }
        return fields
    }
}
