/// The header before every page of a column chunk (parquet.thrift `PageHeader`).
public struct PageHeader: Hashable, Sendable {
    public var type: PageType
    public var uncompressedPageSize: Int32
    public var compressedPageSize: Int32
    /// CRC-32 of the page's bytes after the header (compressed), when the writer computed it.
    public var crc: Int32?
    public var dataPageHeader: DataPageHeader?
    public var dictionaryPageHeader: DictionaryPageHeader?
    public var dataPageHeaderV2: DataPageHeaderV2?

    public init(
        type: PageType, uncompressedPageSize: Int32, compressedPageSize: Int32, crc: Int32? = nil,
        dataPageHeader: DataPageHeader? = nil, dictionaryPageHeader: DictionaryPageHeader? = nil,
        dataPageHeaderV2: DataPageHeaderV2? = nil
    ) {
        self.type = type
        self.uncompressedPageSize = uncompressedPageSize
        self.compressedPageSize = compressedPageSize
        self.crc = crc
        self.dataPageHeader = dataPageHeader
        self.dictionaryPageHeader = dictionaryPageHeader
        self.dataPageHeaderV2 = dataPageHeaderV2
    }
}

extension PageHeader: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        var type: PageType?
        self.init(type: .dataPage, uncompressedPageSize: -1, compressedPageSize: -1)
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i32): type = PageType(rawValue: try reader.readI32())
            case (2, .i32): uncompressedPageSize = try reader.readI32()
            case (3, .i32): compressedPageSize = try reader.readI32()
            case (4, .i32): crc = try reader.readI32()
            case (5, .struct): dataPageHeader = try DataPageHeader(thrift: &reader)
            case (7, .struct): dictionaryPageHeader = try DictionaryPageHeader(thrift: &reader)
            case (8, .struct): dataPageHeaderV2 = try DataPageHeaderV2(thrift: &reader)
            default: try reader.skip(field.type)
            }
        }
        guard let type else { throw reader.error("PageHeader without its required type") }
        guard uncompressedPageSize >= 0, compressedPageSize >= 0 else {
            throw reader.error("PageHeader with a missing or negative page size")
        }
        self.type = type
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.writeField(1, i32: type.rawValue)
        writer.writeField(2, i32: uncompressedPageSize)
        writer.writeField(3, i32: compressedPageSize)
        if let crc { writer.writeField(4, i32: crc) }
        if let dataPageHeader { writer.writeField(5, struct: dataPageHeader) }
        if let dictionaryPageHeader { writer.writeField(7, struct: dictionaryPageHeader) }
        if let dataPageHeaderV2 { writer.writeField(8, struct: dataPageHeaderV2) }
        writer.endStruct()
    }
}
