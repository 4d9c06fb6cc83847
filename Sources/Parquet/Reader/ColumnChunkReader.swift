/// Reads the pages of one column chunk into a ``ColumnData``.
struct ColumnChunkReader {
    let leaf: ParquetSchemaNode
    let metadata: ColumnMetaData
    /// The chunk's bytes (from its first page to the end of its last one).
    let chunk: [UInt8]
    /// The file offset of `chunk[0]`, for error messages.
    let fileOffset: Int
    /// An upper bound on the entries any page may declare (guards allocations against corrupt headers).
    let maximumEntries: Int

    private var columnName: String { leaf.path.joined(separator: ".") }
    let converter: ValueConverter

    init(leaf: ParquetSchemaNode, metadata: ColumnMetaData, chunk: [UInt8], fileOffset: Int, maximumEntries: Int) {
        self.leaf = leaf
        self.metadata = metadata
        self.chunk = chunk
        self.fileOffset = fileOffset
        self.maximumEntries = maximumEntries
        self.converter = ValueConverter(leaf: leaf)
    }

    private func corrupt(_ reason: String, at offset: Int) -> ParquetError {
        .corruptPage(column: columnName, offset: fileOffset + offset, reason: reason)
    }

    func read() throws -> ColumnData {
        var sink = RowValueSink()
        var data = ColumnData()
        let reserve = min(Int(metadata.numValues), 1 << 22)
        sink.values.reserveCapacity(reserve)
        try read(into: &data, sink: &sink)
        data.values = sink.values
        return data
    }

    /// Reads every page: levels into `data`, dictionary and values through `sink`.
    func read<Sink: ColumnValueSink>(into data: inout ColumnData, sink: inout Sink) throws {
        var position = 0
        let expected = Int(metadata.numValues)
        // Reserve once for the chunk: per-page exact reservations would copy the array on every page.
        let reserve = min(expected, 1 << 22)
        if leaf.maxDefinitionLevel > 0 { data.definitionLevels.reserveCapacity(reserve) }
        if leaf.maxRepetitionLevel > 0 { data.repetitionLevels.reserveCapacity(reserve) }
        while position < chunk.count && data.count < expected {
            var thrift = ThriftCompactReader(chunk, start: position)
            thrift.context = "page header of column '\(columnName)'"
            thrift.baseOffset = fileOffset
            let header = try PageHeader(thrift: &thrift)
            let start = thrift.position
            let size = Int(header.compressedPageSize)
            guard size <= chunk.count - start else {
                throw corrupt("page of \(size) bytes runs past the column chunk's end", at: start)
            }
            let body = chunk[start..<(start + size)]
            position = start + size
            do {
                switch header.type {
                case .dictionaryPage:
                    guard let dictionaryHeader = header.dictionaryPageHeader else {
                        throw corrupt("DICTIONARY_PAGE without dictionary_page_header", at: start)
                    }
                    guard dictionaryHeader.encoding == .plain || dictionaryHeader.encoding == .plainDictionary else {
                        throw ParquetError.unsupportedEncoding(
                            encoding: "\(dictionaryHeader.encoding) for a dictionary page", column: columnName)
                    }
                    let bytes = try decompressed(body, size: Int(header.uncompressedPageSize), at: start)
                    var cursor = ByteCursor(bytes, column: columnName)
                    try sink.readDictionary(self, &cursor, count: Int(dictionaryHeader.numValues))
                case .dataPage:
                    guard let pageHeader = header.dataPageHeader else {
                        throw corrupt("DATA_PAGE without data_page_header", at: start)
                    }
                    let bytes = try decompressed(body, size: Int(header.uncompressedPageSize), at: start)
                    try readV1(pageHeader, bytes: bytes, sink: &sink, into: &data, at: start)
                case .dataPageV2:
                    guard let pageHeader = header.dataPageHeaderV2 else {
                        throw corrupt("DATA_PAGE_V2 without data_page_header_v2", at: start)
                    }
                    try readV2(
                        pageHeader, body: body, uncompressedSize: Int(header.uncompressedPageSize), sink: &sink,
                        into: &data, at: start)
                default:
                    continue  // index pages and unknown page types
                }
            } catch ParquetError.corruptPage(let column, offset: -1, let reason) {
                throw ParquetError.corruptPage(column: column, offset: fileOffset + start, reason: reason)
            }
        }
    }

    private func decompressed(_ body: ArraySlice<UInt8>, size: Int, at offset: Int) throws -> [UInt8] {
        guard size >= 0, size <= max(body.count, 1) * 1024 + (1 << 20) else {
            throw corrupt("implausible uncompressed page size \(size) for \(body.count) compressed bytes", at: offset)
        }
        if body.isEmpty { return [] }
        let bytes = try PageDecompression.decompress(
            body, codec: metadata.codec, uncompressedSize: size, column: columnName)
        return bytes
    }

    private func checkEntries(_ count: Int, _ data: ColumnData, at offset: Int) throws {
        guard count >= 0, count <= maximumEntries - data.count else {
            throw corrupt("page declares \(count) values; the chunk holds at most \(maximumEntries)", at: offset)
        }
    }

    private func readV1<Sink: ColumnValueSink>(
        _ header: DataPageHeader, bytes: [UInt8], sink: inout Sink, into data: inout ColumnData, at offset: Int
    ) throws {
        let count = Int(header.numValues)
        try checkEntries(count, data, at: offset)
        var cursor = ByteCursor(bytes, column: columnName)
        if leaf.maxRepetitionLevel > 0 {
            let levels = try readLevels(
                &cursor, encoding: header.repetitionLevelEncoding, maximum: leaf.maxRepetitionLevel, count: count)
            data.repetitionLevels.append(contentsOf: levels)
        }
        var present = count
        if leaf.maxDefinitionLevel > 0 {
            let levels = try readLevels(
                &cursor, encoding: header.definitionLevelEncoding, maximum: leaf.maxDefinitionLevel, count: count)
            let maximum = UInt8(leaf.maxDefinitionLevel)
            present = levels.reduce(0) { $0 + ($1 == maximum ? 1 : 0) }
            data.definitionLevels.append(contentsOf: levels)
        }
        try sink.readValues(self, &cursor, encoding: header.encoding, count: present)
        data.count += count
    }

    private func readV2<Sink: ColumnValueSink>(
        _ header: DataPageHeaderV2, body: ArraySlice<UInt8>, uncompressedSize: Int, sink: inout Sink,
        into data: inout ColumnData, at offset: Int
    ) throws {
        let count = Int(header.numValues)
        try checkEntries(count, data, at: offset)
        let repetitionLength = Int(header.repetitionLevelsByteLength)
        let definitionLength = Int(header.definitionLevelsByteLength)
        guard repetitionLength + definitionLength <= body.count else {
            throw corrupt("level sections of \(repetitionLength + definitionLength) bytes exceed the page", at: offset)
        }
        let levelBytes = Array(body.prefix(repetitionLength + definitionLength))
        if leaf.maxRepetitionLevel > 0 {
            var cursor = ByteCursor(levelBytes, end: repetitionLength, column: columnName)
            let width = RLEHybridDecoder.bitWidth(for: leaf.maxRepetitionLevel)
            let levels = try RLEHybridDecoder.decode(&cursor, bitWidth: width, count: count)
            data.repetitionLevels.append(contentsOf: try narrow(levels, maximum: leaf.maxRepetitionLevel, at: offset))
        }
        var present = count
        if leaf.maxDefinitionLevel > 0 {
            var cursor = ByteCursor(levelBytes, start: repetitionLength, column: columnName)
            let width = RLEHybridDecoder.bitWidth(for: leaf.maxDefinitionLevel)
            let levels = try narrow(
                RLEHybridDecoder.decode(&cursor, bitWidth: width, count: count), maximum: leaf.maxDefinitionLevel,
                at: offset)
            let maximum = UInt8(leaf.maxDefinitionLevel)
            present = levels.reduce(0) { $0 + ($1 == maximum ? 1 : 0) }
            data.definitionLevels.append(contentsOf: levels)
        }
        let section = body.dropFirst(repetitionLength + definitionLength)
        let valueBytes: [UInt8]
        if header.isCompressed && metadata.codec != .uncompressed && !section.isEmpty {
            valueBytes = try decompressed(
                section, size: uncompressedSize - repetitionLength - definitionLength, at: offset)
        } else {
            valueBytes = Array(section)
        }
        var cursor = ByteCursor(valueBytes, column: columnName)
        try sink.readValues(self, &cursor, encoding: header.encoding, count: present)
        data.count += count
    }

    private func narrow(_ levels: [UInt32], maximum: Int, at offset: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(levels.count)
        for level in levels {
            guard level <= UInt32(maximum) else {
                throw corrupt("level \(level) exceeds the column's maximum \(maximum)", at: offset)
            }
            result.append(UInt8(level))
        }
        return result
    }

    /// v1 levels: RLE with a 4-byte length prefix, or the deprecated BIT_PACKED (MSB first, no prefix).
    private func readLevels(_ cursor: inout ByteCursor, encoding: Encoding, maximum: Int, count: Int) throws -> [UInt8]
    {
        let width = RLEHybridDecoder.bitWidth(for: maximum)
        let offset = cursor.position
        if encoding == .bitPacked {
            let range = try cursor.take((count * width + 7) / 8)
            let levels = RLEHybridDecoder.decodeLegacyBitPacked(
                cursor.bytes[range], bitWidth: width, count: count)
            return try narrow(levels, maximum: maximum, at: offset)
        }
        guard encoding == .rle else {
            throw ParquetError.unsupportedEncoding(encoding: "\(encoding) for levels", column: columnName)
        }
        let length = Int(try cursor.readUInt32LE())
        let range = try cursor.take(length)
        var levelCursor = ByteCursor(cursor.bytes, start: range.lowerBound, end: range.upperBound, column: columnName)
        return try narrow(
            RLEHybridDecoder.decode(&levelCursor, bitWidth: width, count: count), maximum: maximum, at: offset)
    }
}
