/// Finds the records of a JSON Lines or CSV file in its bytes, fed in pieces in file order.
///
/// A JSON Lines record is a line that is not blank: blank lines (only spaces and tabs, and a final carriage return)
/// are skipped, as the eager reader did. A CSV record ends at a line feed outside quotes (a quoted field may span
/// lines) and is never skipped; a last record without a line feed counts when it holds anything but carriage
/// returns. Line numbers count every line feed, so they are the lines an editor shows.
///
/// The scanner also notes each record's shape, so that indexing catches most malformed records before any batch
/// parses them: a JSON Lines record's first and last bytes other than spaces, tabs and carriage returns, and a CSV
/// record's number of fields (commas outside quotes, plus one).
struct RecordScanner {
    /// The two line-based formats.
    enum Syntax: Sendable {
        case jsonLines, csv
    }

    /// A record: the bytes `start..<end` of the file (without the line feed that ends it), from line `line`
    /// (1-based); `next` is where the following record starts. JSON Lines: `first` and `last` are its first and
    /// last bytes other than spaces, tabs and carriage returns; CSV: `fields` counts its fields.
    struct Record {
        var start: Int
        var end: Int
        var line: Int
        var next: Int
        var first: UInt8 = 0
        var last: UInt8 = 0
        var fields = 1
    }

    let syntax: Syntax
    private var line: Int
    private var start: Int
    private var startLine: Int
    /// JSON Lines: the bytes other than spaces and tabs; CSV: the bytes other than carriage returns.
    private var content = 0
    private var last: UInt8 = 0
    private var quoted = false
    /// JSON Lines: the current record's first and last bytes other than spaces, tabs and carriage returns.
    private var firstContent: UInt8 = 0
    private var lastContent: UInt8 = 0
    /// CSV: the commas outside quotes in the current record.
    private var separators = 0

    /// A scanner whose first byte is at `offset` of the file, at the start of a record on line `line`.
    init(syntax: Syntax, offset: Int = 0, line: Int = 1) {
        self.syntax = syntax
        self.line = line
        self.start = offset
        self.startLine = line
    }

    /// Scans `bytes`, which start at offset `base` of the file and follow the bytes scanned before, calling `body`
    /// with each record that ends in them; returns false as soon as `body` does.
    mutating func scan(_ bytes: UnsafeRawBufferPointer, base: Int, _ body: (Record) throws -> Bool) rethrows -> Bool {
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                if !quoted {
                    let keep = syntax == .csv || !isBlank
                    let record = makeRecord(end: base + index, next: base + index + 1)
                    start = base + index + 1
                    startLine = line
                    content = 0
                    last = 0
                    firstContent = 0
                    lastContent = 0
                    separators = 0
                    if keep, try !body(record) { return false }
                    continue
                }
                content += 1
            } else if syntax == .csv {
                if byte == 0x22 { quoted.toggle() } else if byte == 0x2C && !quoted { separators += 1 }
                if byte != 0x0D { content += 1 }
            } else if byte != 0x20 && byte != 0x09 {
                content += 1
                if byte != 0x0D {
                    if firstContent == 0 { firstContent = byte }
                    lastContent = byte
                }
            }
            last = byte
        }
        return true
    }

    /// The record that runs to the end of the input at `end` without a line feed, if there is one.
    func finish(at end: Int) -> Record? {
        guard end > start else { return nil }
        let keep = syntax == .csv ? content > 0 : !isBlank
        return keep ? makeRecord(end: end, next: end) : nil
    }

    private func makeRecord(end: Int, next: Int) -> Record {
        Record(
            start: start, end: end, line: startLine, next: next, first: firstContent, last: lastContent,
            fields: separators + 1)
    }

    /// Whether the current JSON Lines line holds only spaces and tabs, and maybe a final carriage return.
    private var isBlank: Bool { content == 0 || (content == 1 && last == 0x0D) }
}
