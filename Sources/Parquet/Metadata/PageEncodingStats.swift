/// How many pages of a kind use an encoding (parquet.thrift `PageEncodingStats`).
public struct PageEncodingStats: Hashable, Sendable {
    public var pageType: PageType
    public var encoding: Encoding
    public var count: Int32

    public init(pageType: PageType, encoding: Encoding, count: Int32) {
        self.pageType = pageType
        self.encoding = encoding
        self.count = count
    }
}

extension PageEncodingStats: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(pageType: .dataPage, encoding: .plain, count: 0)
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i32): pageType = PageType(rawValue: try reader.readI32())
            case (2, .i32): encoding = Encoding(rawValue: try reader.readI32())
            case (3, .i32): count = try reader.readI32()
            default: try reader.skip(field.type)
            }
        }
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.writeField(1, i32: pageType.rawValue)
        writer.writeField(2, i32: encoding.rawValue)
        writer.writeField(3, i32: count)
        writer.endStruct()
    }
}
