/// The footer of a Parquet file (parquet.thrift `FileMetaData`).
public struct FileMetaData: Hashable, Sendable {
    public var version: Int32
    /// The schema tree, flattened depth-first; element 0 is the root.
    public var schema: [SchemaElement]
    public var numRows: Int64
    public var rowGroups: [RowGroup]
    public var keyValueMetadata: [KeyValue]?
    public var createdBy: String?
    public var columnOrders: [ColumnOrder]?
    /// Whether the footer names an encryption algorithm (an encrypted file with a plaintext footer).
    public var hasEncryptionAlgorithm: Bool

    public init(
        version: Int32 = 2, schema: [SchemaElement], numRows: Int64, rowGroups: [RowGroup],
        keyValueMetadata: [KeyValue]? = nil, createdBy: String? = nil, columnOrders: [ColumnOrder]? = nil,
        hasEncryptionAlgorithm: Bool = false
    ) {
        self.version = version
        self.schema = schema
        self.numRows = numRows
        self.rowGroups = rowGroups
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.columnOrders = columnOrders
        self.hasEncryptionAlgorithm = hasEncryptionAlgorithm
    }
}

extension FileMetaData: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        var schema: [SchemaElement]?
        var numRows: Int64?
        var rowGroups: [RowGroup]?
        self.init(version: 0, schema: [], numRows: 0, rowGroups: [])
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i32): version = try reader.readI32()
            case (2, .list): schema = try reader.readStructList(SchemaElement.self)
            case (3, .i64): numRows = try reader.readI64()
            case (4, .list): rowGroups = try reader.readStructList(RowGroup.self)
            case (5, .list): keyValueMetadata = try reader.readStructList(KeyValue.self)
            case (6, .binary): createdBy = try reader.readString()
            case (7, .list): columnOrders = try reader.readStructList(ColumnOrder.self)
            case (8, _):
                hasEncryptionAlgorithm = true
                try reader.skip(field.type)
            default: try reader.skip(field.type)
            }
        }
        guard let schema, let numRows, let rowGroups else {
            throw reader.error("FileMetaData without one of schema, num_rows, row_groups")
        }
        self.schema = schema
        self.numRows = numRows
        self.rowGroups = rowGroups
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.writeField(1, i32: version)
        writer.writeField(2, structs: schema)
        writer.writeField(3, i64: numRows)
        writer.writeField(4, structs: rowGroups)
        if let keyValueMetadata { writer.writeField(5, structs: keyValueMetadata) }
        if let createdBy { writer.writeField(6, string: createdBy) }
        if let columnOrders { writer.writeField(7, structs: columnOrders) }
        writer.endStruct()
    }
}
