/// Builds one row group field by field: the column-oriented way to write rows that are not ``ParquetRecord``s.
///
/// Each top-level field of the schema takes one value per row, appended in row order, and every field must get the
/// same number of values before ``ParquetFileWriter/write(_:)``. Primitive top-level fields take typed values with
/// no ``ParquetValue`` at all (``append(int64:field:)``, ``append(string:field:)``…); nested fields take a
/// ``ParquetValue`` each, shredded as ``ParquetFileWriter/write(rows:)`` would. The file is the same, byte for byte,
/// as the row path writes for the same rows in one row group.
///
/// ```swift
/// let schema = [ParquetField("id", .int64), ParquetField("text", .string)]
/// var builder = try ParquetColumnsBuilder(schema: schema)
/// for (id, text) in [(1, "a"), (2, "b")] {
///     try builder.append(int64: Int64(id), field: 0)
///     try builder.append(string: text, field: 1)
/// }
/// try ParquetFileWriter.write(to: url, schema: schema) { writer in try writer.write(builder) }
/// ```
public struct ParquetColumnsBuilder: Sendable {
    let schema: WriterSchema
    var columns: [ColumnBuffer]
    /// Values appended so far, per top-level field.
    private var counts: [Int]
    /// The first append that was refused: a nested value may have been partly appended, so the rows are not written.
    private var refusal: ParquetError?
    /// Per top-level field: its leaf's index, kind and nullability when it is a non-repeated primitive, else nil.
    private let flat: [FlatLeaf?]

    private struct FlatLeaf: Sendable {
        let index: Int
        let kind: LeafKind
        let isNullable: Bool
    }

    /// A builder for rows of `schema`; throws what ``ParquetFileWriter`` would throw for the schema.
    public init(schema: [ParquetField]) throws {
        let compiled = try WriterSchema(fields: schema)
        self.schema = compiled
        columns = Array(repeating: ColumnBuffer(), count: compiled.leaves.count)
        counts = Array(repeating: 0, count: compiled.roots.count)
        flat = compiled.roots.map { node in
            guard case .leaf(let index, let kind, let hasRepetition) = node.kind, !hasRepetition else { return nil }
            return FlatLeaf(index: index, kind: kind, isNullable: node.isNullable)
        }
    }

    /// Reserves room in a primitive top-level field's leaf for `values` more values and, for strings and binary
    /// values, `bytes` more bytes: growing a large buffer by doubling copies it and touches fresh pages each time.
    /// Does nothing for nested fields.
    public mutating func reserveCapacity(field: Int, values: Int, bytes: Int = 0) {
        guard let leaf = flat[field] else { return }
        columns[leaf.index].definitionLevels.reserveCapacity(columns[leaf.index].definitionLevels.count + values)
        switch leaf.kind {
        case .int64: columns[leaf.index].int64s.reserveCapacity(columns[leaf.index].int64s.count + values)
        case .double: columns[leaf.index].doubles.reserveCapacity(columns[leaf.index].doubles.count + values)
        case .string, .binary:
            columns[leaf.index].offsets.reserveCapacity(columns[leaf.index].offsets.count + values)
            columns[leaf.index].bytes.reserveCapacity(columns[leaf.index].bytes.count + bytes)
        default: break
        }
    }

    /// The number of top-level fields.
    public var fieldCount: Int { counts.count }

    /// The number of complete rows: the fewest values any field has.
    public var rowCount: Int { counts.min() ?? 0 }

    /// Appends `value` as the next row's value of top-level field `field` (nested values are shredded).
    ///
    /// A value that does not fit the field's type throws; the builder then refuses to be written, as a
    /// ``ParquetFileWriter`` refuses more rows after a rejected one.
    public mutating func append(_ value: ParquetValue, field: Int) throws {
        let node = schema.roots[field]
        let leaves = schema.leaves
        do {
            try columns.withUnsafeMutableBufferPointer { (buffers) throws(ParquetError) in
                try Shredding(columns: buffers, leaves: leaves).shred(value, node: node, definition: 0, repetition: 0)
            }
        } catch {
            if refusal == nil { refusal = error }
            throw error
        }
        counts[field] += 1
    }

    /// Appends a null (the field must be nullable).
    public mutating func appendNull(field: Int) throws {
        if let leaf = flat[field], leaf.isNullable {
            columns[leaf.index].definitionLevels.append(0)
            counts[field] += 1
        } else {
            try append(.null, field: field)
        }
    }

    /// Appends an integer; an int64 field takes it as it is, other types convert as the row path does.
    public mutating func append(int64 value: Int64, field: Int) throws {
        try appendPrimitive(field: field, if: { $0 == .int64 }, { $0.int64s.append(value) }, else: .int(value))
    }

    /// Appends a double; a double field takes it as it is, other types convert as the row path does.
    public mutating func append(double value: Double, field: Int) throws {
        try appendPrimitive(field: field, if: { $0 == .double }, { $0.doubles.append(value) }, else: .double(value))
    }

    /// Appends a boolean.
    public mutating func append(bool value: Bool, field: Int) throws {
        try appendPrimitive(field: field, if: { $0 == .bool }, { $0.booleans.append(value) }, else: .bool(value))
    }

    /// Appends a string's UTF-8 bytes to a string or binary field.
    public mutating func append(string value: String, field: Int) throws {
        try appendPrimitive(
            field: field, if: { $0 == .string || $0 == .binary }, { $0.appendUTF8(value) }, else: .string(value))
    }

    /// Stores a value straight into a flat field's leaf when the leaf's kind takes it as it is; otherwise appends
    /// `other` through the shredder (which converts or refuses it).
    @inline(__always)
    private mutating func appendPrimitive(
        field: Int, if accepts: (LeafKind) -> Bool, _ store: (inout ColumnBuffer) -> Void,
        else other: @autoclosure () -> ParquetValue
    ) throws {
        guard let leaf = flat[field], accepts(leaf.kind) else { return try append(other(), field: field) }
        columns[leaf.index].definitionLevels.append(leaf.isNullable ? 1 : 0)
        store(&columns[leaf.index])
        columns[leaf.index].valueCount += 1
        counts[field] += 1
    }

    /// The leaf buffers, after checking that every field has the same number of values.
    func completedColumns() throws(ParquetError) -> (columns: [ColumnBuffer], rowCount: Int) {
        if let refusal {
            throw .schema(path: "", reason: "a value was refused earlier, so the rows are incomplete: \(refusal)")
        }
        let rows = counts.first ?? 0
        if let field = counts.firstIndex(where: { $0 != rows }) {
            throw .schema(
                path: schema.roots[field].path,
                reason: "the field has \(counts[field]) values but \(schema.roots[0].path) has \(rows)")
        }
        return (columns, rows)
    }
}

extension ParquetFileWriter {
    /// Writes the rows of `builder` as one row group (rows written before are closed into their own row group
    /// first). The writer's schema must be the builder's.
    public func write(_ builder: ParquetColumnsBuilder) throws {
        guard !failed else {
            throw ParquetError.schema(path: "", reason: "an earlier write was rejected; the writer accepts no more")
        }
        guard shredder != nil, shredder!.schema.fields == builder.schema.fields else {
            throw ParquetError.schema(
                path: "", reason: "write(_:) needs the writer's schema to be the builder's: pass the same `schema:`")
        }
        let (buffers, rows) = try builder.completedColumns()
        if shredder!.rowCount > 0 { try flushRowGroup() }
        do {
            shredder!.adopt(buffers, rowCount: rows)
            if rows > 0 { try flushRowGroup(last: true) }
        } catch {
            failed = true
            throw error
        }
    }
}
