/// The header of a DATA_PAGE (v1) (parquet.thrift `DataPageHeader`).
public struct DataPageHeader: Hashable, Sendable {
    /// The number of values including nulls (the number of levels).
    public var numValues: Int32
    public var encoding: Encoding
    public var definitionLevelEncoding: Encoding
    public var repetitionLevelEncoding: Encoding
    public var statistics: Statistics?

    public init(
        numValues: Int32, encoding: Encoding, definitionLevelEncoding: Encoding = .rle,
        repetitionLevelEncoding: Encoding = .rle, statistics: Statistics? = nil
    ) {
        self.numValues = numValues
        self.encoding = encoding
        self.definitionLevelEncoding = definitionLevelEncoding
        self.repetitionLevelEncoding = repetitionLevelEncoding
        self.statistics = statistics
    }
}

extension DataPageHeader: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        var numValues: Int32?
        var encoding: Encoding?
        self.init(numValues: 0, encoding: .plain)
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i32): numValues = try reader.readI32()
            case (2, .i32): encoding = Encoding(rawValue: try reader.readI32())
            case (3, .i32): definitionLevelEncoding = Encoding(rawValue: try reader.readI32())
            case (4, .i32): repetitionLevelEncoding = Encoding(rawValue: try reader.readI32())
            case (5, .struct): statistics = try Statistics(thrift: &reader)
            default: try reader.skip(field.type)
            }
        }
        guard let numValues, let encoding else {
            throw reader.error("DataPageHeader without its required num_values or encoding")
        }
        self.numValues = numValues
        self.encoding = encoding
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.writeField(1, i32: numValues)
        writer.writeField(2, i32: encoding.rawValue)
        writer.writeField(3, i32: definitionLevelEncoding.rawValue)
        writer.writeField(4, i32: repetitionLevelEncoding.rawValue)
        if let statistics { writer.writeField(5, struct: statistics) }
        writer.endStruct()
    }
}
