public import DistilabelCore
public import Foundation
public import Parquet

/// Writes engine rows to Parquet column by column: the schema is inferred from the `Value`s themselves and the
/// columns are filled straight from them, with no ``ParquetRecord`` per row.
///
/// The file is the one the row path writes (`ParquetFileWriter.write(rows: rows.map(ValueConversion.record))`),
/// byte for byte: the same schema (that of `pyarrow.Table.from_pylist`: ints are int64, ints and doubles in one
/// column widen to double, a field missing from some rows is null there, structs keep their fields in order of
/// appearance) and the same pages. It is only faster: most rows of a step share one column list and one type per
/// column, which is checked instead of inferred again.
public enum ParquetRows {
    /// Writes `rows` as one row group of the file at `url` (moved into place when complete).
    public static func write(
        _ rows: [Row], to url: URL, options: ParquetWriterOptions = ParquetWriterOptions()
    ) throws {
        try write(batches: [rows], to: url, options: options)
    }

    /// Writes the rows of `batches`, in order, as one row group of the file at `url`.
    public static func write(
        batches: [[Row]], to url: URL, options: ParquetWriterOptions = ParquetWriterOptions()
    ) throws {
        let fields = try schema(of: batches)
        guard !fields.isEmpty else {
            // Rows without columns: only the row path counts them.
            try ParquetFileWriter.write(to: url, options: options) { writer in
                for rows in batches { try writer.write(rows: rows.map(ValueConversion.record)) }
            }
            return
        }
        var builder = try ParquetColumnsBuilder(schema: fields)
        let names = fields.map(\.name)
        reserve(&builder, for: batches, names: names)
        for rows in batches {
            for row in rows {
                let values = row.values
                if row.columns == names {
                    for field in values.indices { try append(values[field], field: field, to: &builder) }
                } else {
                    for (field, name) in names.enumerated() {
                        try append(row[name] ?? .null, field: field, to: &builder)
                    }
                }
            }
        }
        try ParquetFileWriter.write(to: url, schema: fields, options: options) { writer in try writer.write(builder) }
    }

    /// Sizes the builder's buffers from the row count and, for strings, the bytes of the first rows scaled up.
    private static func reserve(_ builder: inout ParquetColumnsBuilder, for batches: [[Row]], names: [String]) {
        let rowCount = batches.reduce(0) { $0 + $1.count }
        var sampleBytes = Array(repeating: 0, count: names.count)
        var sampled = 0
        sampling: for rows in batches {
            for row in rows {
                guard sampled < 64 else { break sampling }
                sampled += 1
                for (field, name) in names.enumerated() {
                    if case .string(let text) = row[name] { sampleBytes[field] += text.utf8.count }
                }
            }
        }
        guard sampled > 0 else { return }
        for field in names.indices {
            let bytes = sampleBytes[field] * rowCount / sampled
            builder.reserveCapacity(field: field, values: rowCount, bytes: bytes + bytes / 8)
        }
    }

    /// The schema the row path infers for `rows`.
    public static func schema(of rows: [Row]) throws -> [ParquetField] {
        try schema(of: [rows])
    }

    /// The schema the row path infers for the rows of `batches`.
    public static func schema(of batches: [[Row]]) throws -> [ParquetField] {
        var names: [String] = []
        var types: [ParquetFieldType] = []
        var unified = ParquetFieldType.record([])
        for rows in batches {
            for row in rows {
                if row.columns == names, fits(row.values, types) { continue }
                var fields: [ParquetField] = []
                fields.reserveCapacity(row.count)
                for (name, value) in zip(row.columns, row.values) {
                    fields.append(ParquetField(name, try fieldType(of: value)))
                }
                unified = try unified.unified(with: .record(fields), path: "")
                guard case .record(let all) = unified else { continue }
                names = all.map(\.name)
                types = all.map(\.type)
            }
        }
        return zip(names, types).map { ParquetField($0, $1) }
    }

    /// The type the row path infers for one value (`ParquetFieldType.inferred(from:)` of its Parquet value).
    public static func fieldType(of value: Value) throws(ParquetError) -> ParquetFieldType {
        switch value {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int64
        case .double: return .double
        case .string: return .string
        case .list(let items):
            var element = ParquetFieldType.null
            for item in items { element = try element.unified(with: fieldType(of: item), path: "element") }
            return .list(ParquetField("element", element))
        case .struct(let row):
            var fields: [ParquetField] = []
            fields.reserveCapacity(row.count)
            for (name, member) in zip(row.columns, row.values) {
                fields.append(ParquetField(name, try fieldType(of: member)))
            }
            return .record(fields)
        }
    }

    /// Whether every value already fits its column's type, so that unifying would change nothing.
    private static func fits(_ values: [Value], _ types: [ParquetFieldType]) -> Bool {
        for (value, type) in zip(values, types) where !conforms(value, type) { return false }
        return true
    }

    /// Whether `type` already holds `value` (`type.unified(with: fieldType(of: value)) == type`), checked without
    /// building the value's type.
    private static func conforms(_ value: Value, _ type: ParquetFieldType) -> Bool {
        switch (value, type) {
        case (.null, _), (.bool, .bool), (.int, .int64), (.int, .double), (.double, .double), (.string, .string):
            return true
        case (.list(let items), .list(let element)):
            for item in items where !conforms(item, element.type) { return false }
            return true
        case (.struct(let row), .record(let fields)):
            for (index, name) in row.columns.enumerated() {
                let field: ParquetField
                if index < fields.count, fields[index].name == name {
                    field = fields[index]
                } else if let found = fields.first(where: { $0.name == name }) {
                    field = found
                } else {
                    return false
                }
                if !conforms(row.values[index], field.type) { return false }
            }
            return true
        default:
            return false
        }
    }

    @inline(__always)
    private static func append(_ value: Value, field: Int, to builder: inout ParquetColumnsBuilder) throws {
        switch value {
        case .null: try builder.appendNull(field: field)
        case .bool(let bool): try builder.append(bool: bool, field: field)
        case .int(let int): try builder.append(int64: int, field: field)
        case .double(let double): try builder.append(double: double, field: field)
        case .string(let string): try builder.append(string: string, field: field)
        case .list, .struct: try builder.append(ValueConversion.parquetValue(value), field: field)
        }
    }
}
