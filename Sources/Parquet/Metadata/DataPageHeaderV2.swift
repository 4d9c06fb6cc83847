/// The header of a DATA_PAGE_V2 (parquet.thrift `DataPageHeaderV2`): levels are stored uncompressed before the data.
public struct DataPageHeaderV2: Hashable, Sendable {
    public var numValues: Int32
    public var numNulls: Int32
    public var numRows: Int32
    public var encoding: Encoding
    public var definitionLevelsByteLength: Int32
    public var repetitionLevelsByteLength: Int32
    /// Whether the data section is compressed with the chunk's codec (`true` when absent).
    public var isCompressed: Bool
    public var statistics: Statistics?

    public init(
        numValues: Int32, numNulls: Int32, numRows: Int32, encoding: Encoding, definitionLevelsByteLength: Int32,
        repetitionLevelsByteLength: Int32, isCompressed: Bool = true, statistics: Statistics? = nil
    ) {
        self.numValues = numValues
        self.numNulls = numNulls
        self.numRows = numRows
        self.encoding = encoding
        self.definitionLevelsByteLength = definitionLevelsByteLength
        self.repetitionLevelsByteLength = repetitionLevelsByteLength
        self.isCompressed = isCompressed
        self.statistics = statistics
    }
}

extension DataPageHeaderV2: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(
            numValues: -1, numNulls: 0, numRows: -1, encoding: .plain, definitionLevelsByteLength: -1,
            repetitionLevelsByteLength: -1)
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i32): numValues = try reader.readI32()
            case (2, .i32): numNulls = try reader.readI32()
            case (3, .i32): numRows = try reader.readI32()
            case (4, .i32): encoding = Encoding(rawValue: try reader.readI32())
            case (5, .i32): definitionLevelsByteLength = try reader.readI32()
            case (6, .i32): repetitionLevelsByteLength = try reader.readI32()
            case (7, let type) where type.isBool: isCompressed = type == .boolTrue
            case (8, .struct): statistics = try Statistics(thrift: &reader)
            default: try reader.skip(field.type)
            }
        }
        guard numValues >= 0, numRows >= 0, definitionLevelsByteLength >= 0, repetitionLevelsByteLength >= 0 else {
            throw reader.error("DataPageHeaderV2 with a missing or negative count or level length")
        }
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.writeField(1, i32: numValues)
        writer.writeField(2, i32: numNulls)
        writer.writeField(3, i32: numRows)
        writer.writeField(4, i32: encoding.rawValue)
        writer.writeField(5, i32: definitionLevelsByteLength)
        writer.writeField(6, i32: repetitionLevelsByteLength)
        writer.writeField(7, bool: isCompressed)
        if let statistics { writer.writeField(8, struct: statistics) }
        writer.endStruct()
    }
}
