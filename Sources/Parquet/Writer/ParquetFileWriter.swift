import Foundation

/// Writes one Parquet file, used through ``write(to:schema:options:_:)`` so that it is always finished or removed.
///
/// ```swift
/// try ParquetFileWriter.write(to: url) { writer in
///     try writer.write(rows: [ParquetRecord(names: ["id", "text"], values: [.int(1), .string("é")])])
/// }
/// ```
///
/// The file is written under a temporary name in the target directory, `fsync`ed and renamed into place when the
/// body returns, then the directory is `fsync`ed: readers see either no file (or the previous one) or a complete
/// one. If the body throws (cancellation included) the temporary file is removed and the target is untouched.
///
/// **Schema.** With an explicit `schema`, rows are shredded into column buffers as they arrive and each row group
/// is written as soon as it is full, so memory is bounded by one row group. Without one, the schema is inferred
/// the way `pyarrow.Table.from_pylist` does, unified over every row of the file (a later row may add a field or
/// widen int to double), so the writer keeps all rows until the body returns and writes the row groups then:
/// memory grows with the file. Pass a schema for large files.
public final class ParquetFileWriter {
    private let options: ParquetWriterOptions
    private let output: AtomicFileOutput
    var shredder: RowShredder?
    private var pendingRows: [ParquetRecord] = []
    private var rowGroups: [RowGroup] = []
    private var totalRows: Int64 = 0
    var failed = false

    private init(path: String, schema: [ParquetField]?, options: ParquetWriterOptions) throws {
        self.options = options
        if let schema { shredder = RowShredder(schema: try WriterSchema(fields: schema)) }
        output = try AtomicFileOutput(path: path)
        try output.write(Array("PAR1".utf8))
    }

    /// Writes the file at `url`: calls `body` with a writer, then completes the file and moves it into place.
    @discardableResult
    public static func write<R>(
        to url: URL, schema: [ParquetField]? = nil, options: ParquetWriterOptions = ParquetWriterOptions(),
        _ body: (ParquetFileWriter) throws -> R
    ) throws -> R {
        let writer = try ParquetFileWriter(path: url.path, schema: schema, options: options)
        do {
            let result = try body(writer)
            try writer.finish()
            return result
        } catch {
            writer.output.abandon()
            throw error
        }
    }

    /// The async twin of ``write(to:schema:options:_:)``; cancellation of the body removes the temporary file.
    @discardableResult
    public static func write<R>(
        to url: URL, schema: [ParquetField]? = nil, options: ParquetWriterOptions = ParquetWriterOptions(),
        _ body: (ParquetFileWriter) async throws -> R
    ) async throws -> R {
        let writer = try ParquetFileWriter(path: url.path, schema: schema, options: options)
        do {
            let result = try await body(writer)
            try Task.checkCancellation()
            try writer.finish()
            return result
        } catch {
            writer.output.abandon()
            throw error
        }
    }

    /// Appends rows. Field order follows the schema; a row may omit nullable fields.
    public func write(rows: some Sequence<ParquetRecord>) throws {
        guard !failed else {
            throw ParquetError.schema(path: "", reason: "an earlier row was rejected; the writer accepts no more rows")
        }
        guard shredder != nil else {
            pendingRows.append(contentsOf: rows)
            return
        }
        let rows = Array(rows)
        var next = 0
        do {
            while next < rows.count {
                next += try shredder!.append(
                    rows[next...], rowLimit: options.rowGroupRowLimit, byteLimit: options.rowGroupByteLimit)
                if next < rows.count || shredder!.rowCount >= options.rowGroupRowLimit { try flushRowGroup() }
            }
        } catch {
            failed = true
            throw error
        }
    }

    /// Appends one row.
    public func write(row: ParquetRecord) throws {
        try write(rows: CollectionOfOne(row))
    }

    private func finish() throws {
        if shredder == nil {
            shredder = RowShredder(schema: try WriterSchema(fields: try ParquetField.inferredSchema(from: pendingRows)))
            let rows = pendingRows
            pendingRows = []
            try write(rows: rows)
        }
        if shredder!.rowCount > 0 || rowGroups.isEmpty { try flushRowGroup(last: true) }
        let schema = shredder!.schema
        var keyValues = options.keyValueMetadata.map { KeyValue(key: $0.key, value: $0.value) }
        if options.huggingfaceFeatures, !keyValues.contains(where: { $0.key == "huggingface" }) {
            keyValues.append(KeyValue(key: "huggingface", value: try HuggingFaceFeatures.json(for: schema.fields)))
        }
        let footer = FileMetaData(
            version: 2, schema: schema.elements, numRows: totalRows, rowGroups: rowGroups,
            keyValueMetadata: keyValues.isEmpty ? nil : keyValues, createdBy: "swift-distilabel Parquet writer",
            columnOrders: Array(repeating: .typeDefinedOrder, count: schema.leaves.count))
        let encoded = footer.thriftEncoded()
        try output.write(encoded)
        var tail: [UInt8] = []
        PlainEncoder.appendLength(encoded.count, to: &tail)
        tail += Array("PAR1".utf8)
        try output.write(tail)
        try output.commit(sync: options.syncsFile)
    }

    /// Writes the buffered row group; `last` frees the buffers instead of keeping their capacity for the next one.
    func flushRowGroup(last: Bool = false) throws {
        guard var shredder else { return }
        let start = output.offset
        var chunks: [ColumnChunk] = []
        var uncompressed: Int64 = 0
        for (index, leaf) in shredder.schema.leaves.enumerated() {
            let encoder = ColumnChunkEncoder(leaf: leaf, options: options)
            let chunkOffset = output.offset
            let encoded = try encoder.encode(shredder.columns[index], base: chunkOffset)
            shredder.columns[index] = last ? ColumnBuffer() : shredder.columns[index].emptyWithSameCapacity
            try output.write(encoded.bytes)
            uncompressed += encoded.metadata.totalUncompressedSize
            chunks.append(ColumnChunk(fileOffset: chunkOffset, metaData: encoded.metadata))
        }
        rowGroups.append(
            RowGroup(
                columns: chunks, totalByteSize: uncompressed, numRows: Int64(shredder.rowCount), fileOffset: start,
                totalCompressedSize: output.offset - start, ordinal: Int16(truncatingIfNeeded: rowGroups.count)))
        totalRows += Int64(shredder.rowCount)
        shredder.reset()
        self.shredder = shredder
    }
}
