import DistilabelCore

/// A JSON Lines file: one JSON object per line, blank lines skipped. Loading indexes the lines and checks that each
/// is `{…}`; a batch parses only its own, and bad JSON inside a line is reported with its file and line number when
/// its batch is read.
struct JSONLinesFile: IndexedDataFile {
    let index: RecordIndex

    init(path: String, limit: Int?) throws {
        index = try RecordIndex(path: path, syntax: .jsonLines, limit: limit)
    }

    var rowCount: Int { index.count }

    func rows(in range: Range<Int>) throws -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(range.count)
        try index.forEachRecord(in: range) { bytes, line in
            var length = bytes.count
            if length > 0 && bytes[length - 1] == 0x0D { length -= 1 }
            let value: Value
            do { value = try Value(jsonBytes: Array(bytes[0..<length])) } catch {
                throw FileSystemDataError.invalid(path: index.path, line: line, reason: "\(error)")
            }
            guard case .struct(let row) = value else {
                throw FileSystemDataError.invalid(path: index.path, line: line, reason: "expected a JSON object")
            }
            rows.append(row)
        }
        return rows
    }
}
