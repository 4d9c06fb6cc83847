/// One column of a row group: where its pages are and their metadata (parquet.thrift `ColumnChunk`).
public struct ColumnChunk: Hashable, Sendable {
    /// A file holding the chunk other than this one (never supported by this library).
    public var filePath: String?
    /// Deprecated offset of the chunk's metadata; writers store 0 or the first page's offset.
    public var fileOffset: Int64
    public var metaData: ColumnMetaData?
    public var offsetIndexOffset: Int64?
    public var offsetIndexLength: Int32?
    public var columnIndexOffset: Int64?
    public var columnIndexLength: Int32?
    /// Whether the chunk carries `crypto_metadata` or `encrypted_column_metadata` (encrypted columns).
    public var isEncrypted: Bool

    public init(
        filePath: String? = nil, fileOffset: Int64 = 0, metaData: ColumnMetaData?, offsetIndexOffset: Int64? = nil,
        offsetIndexLength: Int32? = nil, columnIndexOffset: Int64? = nil, columnIndexLength: Int32? = nil,
        isEncrypted: Bool = false
    ) {
        self.filePath = filePath
        self.fileOffset = fileOffset
        self.metaData = metaData
        self.offsetIndexOffset = offsetIndexOffset
        self.offsetIndexLength = offsetIndexLength
        self.columnIndexOffset = columnIndexOffset
        self.columnIndexLength = columnIndexLength
        self.isEncrypted = isEncrypted
    }
}

extension ColumnChunk: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(metaData: nil)
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .binary): filePath = try reader.readString()
            case (2, .i64): fileOffset = try reader.readI64()
            case (3, .struct): metaData = try ColumnMetaData(thrift: &reader)
            case (4, .i64): offsetIndexOffset = try reader.readI64()
            case (5, .i32): offsetIndexLength = try reader.readI32()
            case (6, .i64): columnIndexOffset = try reader.readI64()
            case (7, .i32): columnIndexLength = try reader.readI32()
            case (8, _), (9, _):
                isEncrypted = true
                try reader.skip(field.type)
            default: try reader.skip(field.type)
            }
        }
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        if let filePath { writer.writeField(1, string: filePath) }
        writer.writeField(2, i64: fileOffset)
        if let metaData { writer.writeField(3, struct: metaData) }
        if let offsetIndexOffset { writer.writeField(4, i64: offsetIndexOffset) }
        if let offsetIndexLength { writer.writeField(5, i32: offsetIndexLength) }
        if let columnIndexOffset { writer.writeField(6, i64: columnIndexOffset) }
        if let columnIndexLength { writer.writeField(7, i32: columnIndexLength) }
        writer.endStruct()
    }
}
