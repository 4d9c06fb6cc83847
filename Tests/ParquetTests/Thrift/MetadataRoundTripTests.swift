import Testing

@testable import Parquet

@Suite struct MetadataRoundTripTests {
    static let logicalTypes: [LogicalType] = [
        .string, .map, .list, .enumeration, .decimal(scale: 2, precision: 9), .date,
        .time(isAdjustedToUTC: true, unit: .millis), .timestamp(isAdjustedToUTC: false, unit: .nanos),
        .timestamp(isAdjustedToUTC: true, unit: .micros), .integer(bitWidth: 8, isSigned: false), .unknown, .json,
        .bson, .uuid, .float16, .variant, .geometry, .geography,
    ]

    @Test(arguments: logicalTypes)
    func logicalTypeRoundTrips(type: LogicalType) throws {
        let (decoded, _) = try LogicalType.decode(from: type.thriftEncoded())
        #expect(decoded == type)
    }

    @Test func unknownLogicalTypeUnionMemberIsRecognisedAsUnrecognized() throws {
        var writer = ThriftCompactWriter()
        writer.beginStruct()
        writer.writeFieldHeader(40, .struct)
        writer.beginStruct()
        writer.writeField(1, string: "future")
        writer.endStruct()
        writer.endStruct()
        let (decoded, end) = try LogicalType.decode(from: writer.bytes)
        #expect(decoded == .unrecognized(40))
        #expect(end == writer.bytes.count)
    }

    static func sampleFooter() -> FileMetaData {
        let schema = [
            SchemaElement(name: "schema", numChildren: 2),
            SchemaElement(
                type: .int64, repetitionType: .optional, name: "id", convertedType: .int64,
                logicalType: .integer(bitWidth: 64, isSigned: true)),
            SchemaElement(
                type: .fixedLenByteArray, typeLength: 16, repetitionType: .required, name: "price",
                convertedType: .decimal, scale: 2, precision: 30, fieldID: 7,
                logicalType: .decimal(scale: 2, precision: 30)),
        ]
        let statistics = Statistics(
            max: [1], min: [0], nullCount: 3, distinctCount: 9, maxValue: [1], minValue: [0], isMaxValueExact: true,
            isMinValueExact: false, nanCount: 0)
        let column = ColumnMetaData(
            type: .int64, encodings: [.plain, .rle, .rleDictionary], pathInSchema: ["id"], codec: .snappy,
            numValues: 24, totalUncompressedSize: 300, totalCompressedSize: 200,
            keyValueMetadata: [KeyValue(key: "k", value: nil)], dataPageOffset: 100, indexPageOffset: nil,
            dictionaryPageOffset: 4, statistics: statistics,
            encodingStats: [PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1)],
            bloomFilterOffset: 900, bloomFilterLength: 64)
        let chunk = ColumnChunk(
            fileOffset: 4, metaData: column, offsetIndexOffset: 1000, offsetIndexLength: 20, columnIndexOffset: 980,
            columnIndexLength: 20)
        let group = RowGroup(
            columns: [chunk, chunk], totalByteSize: 600, numRows: 24,
            sortingColumns: [SortingColumn(columnIndex: 0, descending: true, nullsFirst: false)], fileOffset: 4,
            totalCompressedSize: 400, ordinal: 0)
        return FileMetaData(
            version: 2, schema: schema, numRows: 24, rowGroups: [group, group],
            keyValueMetadata: [KeyValue(key: "huggingface", value: "{\"info\": 1}")], createdBy: "swift-distilabel",
            columnOrders: [.typeDefinedOrder, .typeDefinedOrder])
    }

    @Test func fileMetaDataRoundTrips() throws {
        let footer = Self.sampleFooter()
        let bytes = footer.thriftEncoded()
        let (decoded, end) = try FileMetaData.decode(from: bytes)
        #expect(decoded == footer)
        #expect(end == bytes.count)
    }

    static let pageHeaders: [PageHeader] = [
        PageHeader(
            type: .dataPage, uncompressedPageSize: 100, compressedPageSize: 80, crc: -5,
            dataPageHeader: DataPageHeader(
                numValues: 10, encoding: .rleDictionary, statistics: Statistics(nullCount: 2))),
        PageHeader(
            type: .dictionaryPage, uncompressedPageSize: 50, compressedPageSize: 50,
            dictionaryPageHeader: DictionaryPageHeader(numValues: 5, encoding: .plainDictionary, isSorted: false)),
        PageHeader(
            type: .dataPageV2, uncompressedPageSize: 70, compressedPageSize: 60,
            dataPageHeaderV2: DataPageHeaderV2(
                numValues: 12, numNulls: 2, numRows: 4, encoding: .deltaBinaryPacked, definitionLevelsByteLength: 3,
                repetitionLevelsByteLength: 2, isCompressed: false)),
    ]

    @Test(arguments: pageHeaders)
    func pageHeaderRoundTrips(header: PageHeader) throws {
        let bytes = header.thriftEncoded()
        let (decoded, end) = try PageHeader.decode(from: bytes)
        #expect(decoded == header)
        #expect(end == bytes.count)
    }

    /// Footers written by pyarrow, duckdb, polars, parquet-mr, Impala… decode, re-encode and decode to the same value.
    @Test(arguments: Fixtures.allParquetFiles().filter { !$0.contains("bad_data") && !$0.hasSuffix(".encrypted") })
    func realFootersDecodeAndRoundTrip(path: String) throws {
        let file = try Fixtures.bytes(path)
        try #require(file.count >= 12)
        let length =
            Int(file[file.count - 8]) | Int(file[file.count - 7]) << 8 | Int(file[file.count - 6]) << 16
            | Int(file[file.count - 5]) << 24
        let start = file.count - 8 - length
        let (footer, end) = try FileMetaData.decode(from: file, at: start, end: file.count - 8)
        #expect(end == file.count - 8)
        #expect(!footer.schema.isEmpty)
        #expect(footer.rowGroups.allSatisfy { $0.numRows >= 0 && !$0.columns.isEmpty })
        let (again, _) = try FileMetaData.decode(from: footer.thriftEncoded())
        #expect(again == footer)
    }
}
