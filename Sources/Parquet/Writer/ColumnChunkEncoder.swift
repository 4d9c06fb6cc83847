/// Encodes one buffered column of a row group into its pages (dictionary page first, then data pages split on row
/// boundaries) and the chunk's metadata.
struct ColumnChunkEncoder {
    let leaf: LeafColumn
    let options: ParquetWriterOptions

    struct Output {
        var bytes: [UInt8]
        var metadata: ColumnMetaData
    }

    /// Encodes `column`, whose first byte will be written at file offset `base`.
    func encode(_ column: ColumnBuffer, base: Int64) throws -> Output {
        let entries = column.definitionLevels.count
        let physical = leaf.physicalType
        var dictionary: DictionaryEncoder.Result?
        if options.dictionary, column.valueCount > 0 {
            dictionary = DictionaryEncoder.build(
                column, physicalType: physical, limit: options.dictionaryPageSizeLimit,
                distinctRatioLimit: options.dictionaryDistinctRatioLimit)
        }
        var out: [UInt8] = []
        var uncompressedTotal = 0
        var encodingStats: [PageEncodingStats] = []
        var dictionaryPageOffset: Int64?
        if let dictionary {
            var body: [UInt8] = []
            PlainEncoder.encode(dictionary.dictionary, physicalType: physical, range: 0..<dictionary.count, into: &body)
            let compressed = try options.compression.compress(body)
            let header = PageHeader(
                type: .dictionaryPage, uncompressedPageSize: Int32(body.count),
                compressedPageSize: Int32(compressed.count),
                dictionaryPageHeader: DictionaryPageHeader(numValues: Int32(dictionary.count), encoding: .plain))
            dictionaryPageOffset = base
            uncompressedTotal += appendPage(header, compressed, uncompressed: body.count, to: &out)
            encodingStats.append(PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1))
        }
        let dataPageOffset = base + Int64(out.count)
        let valueEncoding: Encoding = dictionary == nil ? .plain : .rleDictionary
        let indexWidth = max(1, RLEHybridEncoder.bitWidth(of: (dictionary?.count ?? 1) - 1))
        let maxDefinition = leaf.maxDefinitionLevel
        var pages = 0
        var start = 0
        var valueStart = 0
        let entriesPerPage = self.entriesPerPage(column, dictionary: dictionary, indexWidth: indexWidth)
        repeat {
            var end = min(entries, start + entriesPerPage)
            if leaf.maxRepetitionLevel > 0 {
                while end < entries && column.repetitionLevels[end] != 0 { end += 1 }
            }
            var valueEnd = valueStart
            for index in start..<end where Int(column.definitionLevels[index]) == maxDefinition { valueEnd += 1 }
            var values: [UInt8] = []
            if let dictionary {
                values.append(UInt8(indexWidth))
                var encoder = RLEHybridEncoder(bitWidth: indexWidth)
                encoder.encode(dictionary.indices[valueStart..<valueEnd])
                values += encoder.bytes
            } else {
                PlainEncoder.encode(column, physicalType: physical, range: valueStart..<valueEnd, into: &values)
            }
            let page = try encodeDataPage(
                column, entries: start..<end, valueCount: valueEnd - valueStart, values: values, encoding: valueEncoding
            )
            uncompressedTotal += appendPage(page.header, page.body, uncompressed: page.uncompressedSize, to: &out)
            pages += 1
            start = end
            valueStart = valueEnd
        } while start < entries
        let pageType: PageType = options.dataPageVersion == .v1 ? .dataPage : .dataPageV2
        encodingStats.append(PageEncodingStats(pageType: pageType, encoding: valueEncoding, count: Int32(pages)))
        var statistics: Statistics?
        if options.statistics {
            statistics = ColumnStatistics.compute(
                dictionary?.dictionary ?? column, leaf: leaf, nullCount: entries - column.valueCount)
        }
        let metadata = ColumnMetaData(
            type: physical, encodings: dictionary == nil ? [.plain, .rle] : [.plain, .rle, .rleDictionary],
            pathInSchema: leaf.path, codec: options.compression.thriftCodec, numValues: Int64(entries),
            totalUncompressedSize: Int64(uncompressedTotal), totalCompressedSize: Int64(out.count),
            dataPageOffset: dataPageOffset, dictionaryPageOffset: dictionaryPageOffset, statistics: statistics,
            encodingStats: encodingStats)
        return Output(bytes: out, metadata: metadata)
    }

    /// How many level entries make a page of about ``ParquetWriterOptions/dataPageSize`` bytes.
    private func entriesPerPage(_ column: ColumnBuffer, dictionary: DictionaryEncoder.Result?, indexWidth: Int) -> Int {
        let entries = max(1, column.definitionLevels.count)
        let valueBytes =
            dictionary != nil
            ? column.valueCount * indexWidth / 8 + 1
            : column.estimatedByteSize - column.definitionLevels.count - column.repetitionLevels.count
        let perEntry = max(1, (valueBytes + entries / 4) / entries)
        return max(1, options.dataPageSize / perEntry)
    }

    private struct DataPage {
        var header: PageHeader
        var body: [UInt8]
        var uncompressedSize: Int
    }

    private func encodeDataPage(
        _ column: ColumnBuffer, entries: Range<Int>, valueCount: Int, values: [UInt8], encoding: Encoding
    ) throws -> DataPage {
        var repetition: [UInt8] = []
        var definition: [UInt8] = []
        if leaf.maxRepetitionLevel > 0 {
            var encoder = RLEHybridEncoder(bitWidth: RLEHybridEncoder.bitWidth(of: leaf.maxRepetitionLevel))
            encoder.encode(column.repetitionLevels[entries])
            repetition = encoder.bytes
        }
        if leaf.maxDefinitionLevel > 0 {
            var encoder = RLEHybridEncoder(bitWidth: RLEHybridEncoder.bitWidth(of: leaf.maxDefinitionLevel))
            encoder.encode(column.definitionLevels[entries])
            definition = encoder.bytes
        }
        switch options.dataPageVersion {
        case .v1:
            var body: [UInt8] = []
            body.reserveCapacity(repetition.count + definition.count + values.count + 8)
            if leaf.maxRepetitionLevel > 0 {
                PlainEncoder.appendLength(repetition.count, to: &body)
                body += repetition
            }
            if leaf.maxDefinitionLevel > 0 {
                PlainEncoder.appendLength(definition.count, to: &body)
                body += definition
            }
            body += values
            let compressed = try options.compression.compress(body)
            let header = PageHeader(
                type: .dataPage, uncompressedPageSize: Int32(body.count), compressedPageSize: Int32(compressed.count),
                dataPageHeader: DataPageHeader(numValues: Int32(entries.count), encoding: encoding))
            return DataPage(header: header, body: compressed, uncompressedSize: body.count)
        case .v2:
            let compressed = try options.compression.compress(values)
            var rows = entries.count
            if leaf.maxRepetitionLevel > 0 { rows = column.repetitionLevels[entries].lazy.filter { $0 == 0 }.count }
            let levels = repetition.count + definition.count
            let header = PageHeader(
                type: .dataPageV2, uncompressedPageSize: Int32(levels + values.count),
                compressedPageSize: Int32(levels + compressed.count),
                dataPageHeaderV2: DataPageHeaderV2(
                    numValues: Int32(entries.count), numNulls: Int32(entries.count - valueCount), numRows: Int32(rows),
                    encoding: encoding, definitionLevelsByteLength: Int32(definition.count),
                    repetitionLevelsByteLength: Int32(repetition.count),
                    isCompressed: options.compression != .uncompressed))
            return DataPage(
                header: header, body: repetition + definition + compressed, uncompressedSize: levels + values.count)
        }
    }

    /// Appends a page header and its body; returns the bytes the page takes uncompressed, header included.
    private func appendPage(_ header: PageHeader, _ body: [UInt8], uncompressed: Int, to out: inout [UInt8]) -> Int {
        let encodedHeader = header.thriftEncoded()
        out += encodedHeader
        out += body
        return encodedHeader.count + uncompressed
    }
}

extension ParquetCompression {
    /// The footer's codec for this compression.
    var thriftCodec: CompressionCodec {
        switch self {
        case .uncompressed: return .uncompressed
        case .snappy: return .snappy
        case .gzip: return .gzip
        case .zstd: return .zstd
        case .lz4Raw: return .lz4Raw
        }
    }
}
