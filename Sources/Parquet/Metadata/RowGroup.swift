/// A horizontal slice of the table: one chunk per leaf column (parquet.thrift `RowGroup`).
public struct RowGroup: Hashable, Sendable {
    public var columns: [ColumnChunk]
    public var totalByteSize: Int64
    public var numRows: Int64
    public var sortingColumns: [SortingColumn]?
    public var fileOffset: Int64?
    public var totalCompressedSize: Int64?
    public var ordinal: Int16?

    public init(
        columns: [ColumnChunk], totalByteSize: Int64, numRows: Int64, sortingColumns: [SortingColumn]? = nil,
        fileOffset: Int64? = nil, totalCompressedSize: Int64? = nil, ordinal: Int16? = nil
    ) {
        self.columns = columns
        self.totalByteSize = totalByteSize
        self.numRows = numRows
        self.sortingColumns = sortingColumns
        self.fileOffset = fileOffset
        self.totalCompressedSize = totalCompressedSize
        self.ordinal = ordinal
    }
}

extension RowGroup: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        var columns: [ColumnChunk]?
        var numRows: Int64?
        self.init(columns: [], totalByteSize: 0, numRows: 0)
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .list): columns = try reader.readStructList(ColumnChunk.self)
            case (2, .i64): totalByteSize = try reader.readI64()
            case (3, .i64): numRows = try reader.readI64()
            case (4, .list): sortingColumns = try reader.readStructList(SortingColumn.self)
            case (5, .i64): fileOffset = try reader.readI64()
            case (6, .i64): totalCompressedSize = try reader.readI64()
            case (7, .i16): ordinal = try reader.readI16()
            default: try reader.skip(field.type)
            }
        }
        guard let columns, let numRows else { throw reader.error("RowGroup without its columns or num_rows") }
        self.columns = columns
        self.numRows = numRows
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.writeField(1, structs: columns)
        writer.writeField(2, i64: totalByteSize)
        writer.writeField(3, i64: numRows)
        if let sortingColumns { writer.writeField(4, structs: sortingColumns) }
        if let fileOffset { writer.writeField(5, i64: fileOffset) }
        if let totalCompressedSize { writer.writeField(6, i64: totalCompressedSize) }
        if let ordinal { writer.writeField(7, i16: ordinal) }
        writer.endStruct()
    }
}
