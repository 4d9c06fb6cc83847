extension ParquetFileWriter {
    /// The leaf columns of `schema` in the order ``write(columns:)`` takes them: path, physical type and maximum
    /// levels filled in, no entries. Fill in levels and values, then write them.
    ///
    /// ```swift
    /// let schema = [ParquetField("id", .int64, isNullable: false), ParquetField("text", .string)]
    /// var columns = try ParquetFileWriter.emptyColumns(for: schema)
    /// columns[0].values = .int64([1, 2])  // required: no levels, one entry per value
    /// columns[0].entryCount = 2
    /// columns[1].definitionLevels = [1, 0]  // "é", then null
    /// columns[1].entryCount = 2
    /// columns[1].values = .byteArrays(bytes: Array("é".utf8), offsets: [0, 2])
    /// try ParquetFileWriter.write(to: url, schema: schema) { writer in try writer.write(columns: columns) }
    /// ```
    public static func emptyColumns(for schema: [ParquetField]) throws -> [ParquetColumn] {
        try WriterSchema(fields: schema).leaves.map { leaf in
            ParquetColumn(
                path: leaf.path, physicalType: leaf.physicalType, maxDefinitionLevel: leaf.maxDefinitionLevel,
                maxRepetitionLevel: leaf.maxRepetitionLevel, definitionLevels: [], repetitionLevels: [],
                values: ParquetColumnValues.empty(leaf.physicalType))
        }
    }

    /// Writes one row group from already-shredded columns: one ``ParquetColumn`` per leaf of the writer's schema,
    /// in schema order (see ``emptyColumns(for:)``), the way ``ParquetFileReader/readColumn(rowGroup:path:)``
    /// returns them. This is the column-oriented write, with no ``ParquetValue`` per value: the columns' arrays
    /// are encoded as they are.
    ///
    /// Needs the writer's `schema`. Rows written before are closed into their own row group first; the columns
    /// always form one row group, whatever ``ParquetWriterOptions/rowGroupRowLimit`` says. Each column is checked:
    /// path, physical type and maximum levels against the schema, levels within bounds, a first repetition level
    /// of 0, as many values as entries at the maximum definition level, byte-array offsets and UTF-8 of string
    /// columns, and the same row count in every column. Whether the levels of sibling columns describe the same
    /// nesting is the caller's responsibility (readers reject files where they do not).
    public func write(columns: [ParquetColumn]) throws {
        guard !failed else {
            throw ParquetError.schema(path: "", reason: "an earlier write was rejected; the writer accepts no more")
        }
        guard shredder != nil else {
            throw ParquetError.schema(
                path: "", reason: "write(columns:) needs the writer's schema: pass `schema:` to ParquetFileWriter.write"
            )
        }
        if shredder!.rowCount > 0 { try flushRowGroup() }
        let leaves = shredder!.schema.leaves
        guard columns.count == leaves.count else {
            throw ParquetError.schema(
                path: "", reason: "the schema has \(leaves.count) leaf columns but \(columns.count) were given")
        }
        var buffers: [ColumnBuffer] = []
        buffers.reserveCapacity(leaves.count)
        var rows: Int?
        for (column, leaf) in zip(columns, leaves) {
            let (buffer, rowCount) = try ColumnBuffer.validated(column, leaf: leaf)
            if let rows, rows != rowCount {
                throw ParquetError.schema(
                    path: leaf.dottedPath,
                    reason: "the column holds \(rowCount) rows but \(leaves[0].dottedPath) holds \(rows)")
            }
            rows = rowCount
            buffers.append(buffer)
        }
        do {
            shredder!.adopt(buffers, rowCount: rows ?? 0)
            if shredder!.rowCount > 0 { try flushRowGroup(last: true) }
        } catch {
            failed = true
            throw error
        }
    }
}

extension ParquetColumnValues {
    /// No values of `physicalType`.
    static func empty(_ physicalType: PhysicalType) -> ParquetColumnValues {
        switch physicalType {
        case .boolean: return .boolean([])
        case .int32: return .int32([])
        case .int64: return .int64([])
        case .float: return .float([])
        case .double: return .double([])
        default: return .byteArrays(bytes: [], offsets: [0])
        }
    }
}
