/// Reads a Parquet file row group by row group, optionally projecting top-level columns.
///
/// Opening reads only the footer; ``readRows(rowGroup:columns:)`` reads the chunks of one row group, so memory is
/// bounded by one row group (of the projected columns), not by the file.
///
/// ```swift
/// let reader = try ParquetFileReader(path: "data/train.parquet")
/// for group in 0..<reader.rowGroupCount {
///     for row in try reader.readRows(rowGroup: group, columns: ["instruction", "generation"]) {
///         print(row["instruction"] ?? .null)
///     }
/// }
/// ```
public final class ParquetFileReader: Sendable {
    /// The path the reader was opened with.
    public let path: String
    /// The decoded footer.
    public let metadata: FileMetaData
    /// The schema tree with levels.
    public let schema: ParquetSchema
    let file: RandomAccessFile
    /// The offset where the footer starts; column chunks must end before it.
    let footerStart: Int

    /// Opens `path` and decodes its footer. Throws ``ParquetError`` (wrapped in ``ParquetError/inFile(path:_:)``)
    /// for files that are not Parquet, encrypted, truncated or whose footer is malformed.
    public init(path: String) throws {
        do {
            let file = try RandomAccessFile(path: path)
            let (metadata, footerStart) = try Self.readFooter(file)
            self.path = path
            self.file = file
            self.metadata = metadata
            self.footerStart = footerStart
            self.schema = try ParquetSchema(elements: metadata.schema)
            try Self.validate(metadata, schema: schema)
        } catch let error as ParquetError {
            if case .inFile = error { throw error }
            throw ParquetError.inFile(path: path, error)
        }
    }

    /// Opens `path`, runs `body` with the reader, and releases the file on every path.
    public static func withReader<T>(path: String, _ body: (ParquetFileReader) throws -> T) throws -> T {
        let reader = try ParquetFileReader(path: path)
        return try body(reader)
    }

    /// The number of row groups.
    public var rowGroupCount: Int { metadata.rowGroups.count }

    /// The total number of rows in the footer.
    public var rowCount: Int { Int(metadata.numRows) }

    /// The names of the top-level columns.
    public var columnNames: [String] { schema.root.children.map(\.name) }

    /// The file's key/value metadata (a key stored without value maps to an empty string).
    public var keyValueMetadata: [String: String] {
        var result: [String: String] = [:]
        for entry in metadata.keyValueMetadata ?? [] { result[entry.key] = entry.value ?? "" }
        return result
    }

    /// The `huggingface` key/value entry (the `datasets` features JSON), if present.
    public var huggingfaceMetadata: String? { keyValueMetadata["huggingface"] }

    /// Reads every row of one row group; `columns` selects top-level columns by name, in that order (all when
    /// `nil`; a name given twice is read once). Safe to call concurrently for different row groups.
    public func readRows(rowGroup: Int, columns: [String]? = nil) throws -> [ParquetRecord] {
        do {
            guard rowGroup >= 0 && rowGroup < metadata.rowGroups.count else {
                throw ParquetError.rowGroupOutOfRange(index: rowGroup, count: metadata.rowGroups.count)
            }
            let fields = try projectedFields(columns)
            let group = metadata.rowGroups[rowGroup]
            let rowCount = Int(group.numRows)
            if rowCount == 0 { return [] }
            var data: [Int: ColumnData] = [:]
            for field in fields {
                for leafIndex in field.leafIndices {
                    data[leafIndex] = try readColumn(leafIndex, in: group)
                }
            }
            var assembler = RecordAssembler(columns: data, leaves: schema.leaves)
            return try assembler.assemble(fields: fields, rowCount: rowCount)
        } catch let error as ParquetError {
            throw ParquetError.inFile(path: path, error)
        }
    }

    /// Reads every row of every row group (memory grows with the file: prefer ``readRows(rowGroup:columns:)``).
    public func readAllRows(columns: [String]? = nil) throws -> [ParquetRecord] {
        var rows: [ParquetRecord] = []
        for group in 0..<rowGroupCount { rows.append(contentsOf: try readRows(rowGroup: group, columns: columns)) }
        return rows
    }

    private func projectedFields(_ columns: [String]?) throws -> [ParquetSchemaNode] {
        guard let columns else { return schema.root.children }
        var seen = Set<String>()
        return try columns.filter { seen.insert($0).inserted }.map { name in
            guard let field = schema.field(named: name) else { throw ParquetError.unknownColumn(name: name) }
            return field
        }
    }
}

extension ParquetFileReader {
    /// Calls `body` with every row, reading one row group at a time so that memory stays bounded by a row group.
    public func forEachRow(columns: [String]? = nil, _ body: (ParquetRecord) throws -> Void) throws {
        for group in 0..<rowGroupCount {
            for row in try readRows(rowGroup: group, columns: columns) { try body(row) }
        }
    }
}
