/// The metadata of one column chunk (parquet.thrift `ColumnMetaData`).
public struct ColumnMetaData: Hashable, Sendable {
    public var type: PhysicalType
    public var encodings: [Encoding]
    public var pathInSchema: [String]
    public var codec: CompressionCodec
    public var numValues: Int64
    public var totalUncompressedSize: Int64
    public var totalCompressedSize: Int64
    public var keyValueMetadata: [KeyValue]?
    public var dataPageOffset: Int64
    public var indexPageOffset: Int64?
    public var dictionaryPageOffset: Int64?
    public var statistics: Statistics?
    public var encodingStats: [PageEncodingStats]?
    public var bloomFilterOffset: Int64?
    public var bloomFilterLength: Int32?

    public init(
        type: PhysicalType, encodings: [Encoding], pathInSchema: [String], codec: CompressionCodec, numValues: Int64,
        totalUncompressedSize: Int64, totalCompressedSize: Int64, keyValueMetadata: [KeyValue]? = nil,
        dataPageOffset: Int64, indexPageOffset: Int64? = nil, dictionaryPageOffset: Int64? = nil,
        statistics: Statistics? = nil, encodingStats: [PageEncodingStats]? = nil, bloomFilterOffset: Int64? = nil,
        bloomFilterLength: Int32? = nil
    ) {
        self.type = type
        self.encodings = encodings
        self.pathInSchema = pathInSchema
        self.codec = codec
        self.numValues = numValues
        self.totalUncompressedSize = totalUncompressedSize
        self.totalCompressedSize = totalCompressedSize
        self.keyValueMetadata = keyValueMetadata
        self.dataPageOffset = dataPageOffset
        self.indexPageOffset = indexPageOffset
        self.dictionaryPageOffset = dictionaryPageOffset
        self.statistics = statistics
        self.encodingStats = encodingStats
        self.bloomFilterOffset = bloomFilterOffset
        self.bloomFilterLength = bloomFilterLength
    }
}

extension ColumnMetaData: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        var type: PhysicalType?
        var path: [String]?
        var codec: CompressionCodec?
        var numValues: Int64?
        var dataPageOffset: Int64?
        self.init(
            type: .boolean, encodings: [], pathInSchema: [], codec: .uncompressed, numValues: 0,
            totalUncompressedSize: 0, totalCompressedSize: 0, dataPageOffset: 0)
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i32): type = PhysicalType(rawValue: try reader.readI32())
            case (2, .list): encodings = try reader.readList { try Encoding(rawValue: $0.readI32()) }
            case (3, .list): path = try reader.readList { try $0.readString() }
            case (4, .i32): codec = CompressionCodec(rawValue: try reader.readI32())
            case (5, .i64): numValues = try reader.readI64()
            case (6, .i64): totalUncompressedSize = try reader.readI64()
            case (7, .i64): totalCompressedSize = try reader.readI64()
            case (8, .list): keyValueMetadata = try reader.readStructList(KeyValue.self)
            case (9, .i64): dataPageOffset = try reader.readI64()
            case (10, .i64): indexPageOffset = try reader.readI64()
            case (11, .i64): dictionaryPageOffset = try reader.readI64()
            case (12, .struct): statistics = try Statistics(thrift: &reader)
            case (13, .list): encodingStats = try reader.readStructList(PageEncodingStats.self)
            case (14, .i64): bloomFilterOffset = try reader.readI64()
            case (15, .i32): bloomFilterLength = try reader.readI32()
            default: try reader.skip(field.type)
            }
        }
        guard let type, let path, let codec, let numValues, let dataPageOffset else {
            throw reader.error(
                "ColumnMetaData without one of type, path_in_schema, codec, num_values, data_page_offset")
        }
        self.type = type
        self.pathInSchema = path
        self.codec = codec
        self.numValues = numValues
        self.dataPageOffset = dataPageOffset
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.writeField(1, i32: type.rawValue)
        writer.writeField(2, i32s: encodings.map(\.rawValue))
        writer.writeField(3, strings: pathInSchema)
        writer.writeField(4, i32: codec.rawValue)
        writer.writeField(5, i64: numValues)
        writer.writeField(6, i64: totalUncompressedSize)
        writer.writeField(7, i64: totalCompressedSize)
        if let keyValueMetadata { writer.writeField(8, structs: keyValueMetadata) }
        writer.writeField(9, i64: dataPageOffset)
        if let indexPageOffset { writer.writeField(10, i64: indexPageOffset) }
        if let dictionaryPageOffset { writer.writeField(11, i64: dictionaryPageOffset) }
        if let statistics { writer.writeField(12, struct: statistics) }
        if let encodingStats { writer.writeField(13, structs: encodingStats) }
        if let bloomFilterOffset { writer.writeField(14, i64: bloomFilterOffset) }
        if let bloomFilterLength { writer.writeField(15, i32: bloomFilterLength) }
        writer.endStruct()
    }
}
