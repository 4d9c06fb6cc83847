/// Where the records of a JSON Lines or CSV file start: the byte offset and line of every 64th record, found by one
/// pass over the file in chunks, so that any range of records is read by seeking to the nearest indexed one.
///
/// A million records cost about 250 KB here; the rows themselves are parsed only when a batch asks for them. The
/// pass checks each record's shape, so most malformed records are reported when the step loads, before any batch
/// runs: a JSON Lines line must start with `{` and end with `}`, a CSV record must have as many fields as the header.
/// A record of the right shape with bad content inside is reported when its batch is read.
struct RecordIndex: Sendable {
    /// Records between two indexed ones.
    static let stride = 64

    let path: String
    let syntax: RecordScanner.Syntax
    /// The number of records indexed (the header excluded).
    private(set) var count = 0
    /// The CSV header's bytes, when the file has one.
    private(set) var header: Range<Int>?
    private var starts: [Int] = []
    private var lines: [Int] = []
    /// Where the last record indexed ends, its line feed included.
    private var end = 0

    /// Indexes the file at `path`: at most `limit` records (all when `nil`), after a header record if `header`.
    init(path: String, syntax: RecordScanner.Syntax, limit: Int?, header hasHeader: Bool = false) throws {
        self.path = path
        self.syntax = syntax
        guard limit != 0 else { return }
        var scanner = RecordScanner(syntax: syntax)
        var awaitingHeader = hasHeader
        var header: Range<Int>?
        var count = 0
        var starts: [Int] = []
        var lines: [Int] = []
        var end = 0
        var headerFields: Int?
        func add(_ record: RecordScanner.Record) throws -> Bool {
            if awaitingHeader {
                awaitingHeader = false
                header = record.start..<record.end
                headerFields = record.fields
                return true
            }
            try Self.checkShape(of: record, headerFields: headerFields, syntax: syntax, path: path)
            if count % Self.stride == 0 {
                starts.append(record.start)
                lines.append(record.line)
            }
            count += 1
            end = record.next
            return limit.map { count < $0 } ?? true
        }
        var size = 0
        var scanning = true
        try DataFileBytes.forEachChunk(path: path) { chunk, offset in
            size = offset + chunk.count
            scanning = try scanner.scan(chunk, base: offset, add)
            return scanning
        }
        if scanning, let last = scanner.finish(at: size) { _ = try add(last) }
        (self.header, self.count, self.starts, self.lines, self.end) = (header, count, starts, lines, end)
    }

    /// Throws when `record` cannot be a row: a JSON Lines line that is not an object's braces, a CSV record whose
    /// field count is not the header's.
    private static func checkShape(
        of record: RecordScanner.Record, headerFields: Int?, syntax: RecordScanner.Syntax, path: String
    ) throws {
        switch syntax {
        case .jsonLines:
            guard record.first == UInt8(ascii: "{") else {
                throw FileSystemDataError.invalid(
                    path: path, line: record.line,
                    reason: "expected a JSON object, found a line starting with '\(Self.character(record.first))'")
            }
            guard record.last == UInt8(ascii: "}") else {
                throw FileSystemDataError.invalid(
                    path: path, line: record.line,
                    reason: "expected a JSON object, found a line ending with '\(Self.character(record.last))' "
                        + "instead of '}' (is the object cut short or split across lines?)")
            }
        case .csv:
            if let headerFields, record.fields != headerFields {
                throw FileSystemDataError.invalid(
                    path: path, line: record.line, reason: "expected \(headerFields) fields, found \(record.fields)")
            }
        }
    }

    private static func character(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
    }

    /// Calls `body` with the bytes and the line of each record in `range` (which must lie within ``count``), in
    /// order, reading only the indexed blocks that hold them.
    func forEachRecord(in range: Range<Int>, _ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        guard !range.isEmpty else { return }
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "records \(range) out of 0..<\(count)")
        let block = range.lowerBound / Self.stride
        let blockEnd = (range.upperBound + Self.stride - 1) / Self.stride
        let from = starts[block]
        let to = blockEnd < starts.count ? starts[blockEnd] : end
        let bytes = try DataFileBytes.bytes(of: path, in: from..<to)
        guard bytes.count == to - from else { throw FileSystemDataError.changed(path: path) }
        var scanner = RecordScanner(syntax: syntax, offset: from, line: lines[block])
        var position = block * Self.stride
        try bytes.withUnsafeBytes { buffer in
            func visit(_ record: RecordScanner.Record) throws -> Bool {
                if position >= range.lowerBound {
                    try body(
                        UnsafeRawBufferPointer(rebasing: buffer[(record.start - from)..<(record.end - from)]),
                        record.line)
                }
                position += 1
                return position < range.upperBound
            }
            if try scanner.scan(buffer, base: from, visit), let last = scanner.finish(at: to) {
                _ = try visit(last)
            }
        }
        guard position == range.upperBound else { throw FileSystemDataError.changed(path: path) }
    }
}
