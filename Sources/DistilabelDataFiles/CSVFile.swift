import DistilabelCore

/// A CSV file: a header record, then one row per record. Loading indexes the records and reads the header; a batch
/// parses only its own records.
struct CSVFile: IndexedDataFile {
    let index: RecordIndex
    /// The header's names.
    let columns: [String]

    init(path: String, limit: Int?) throws {
        let index = try RecordIndex(path: path, syntax: .csv, limit: limit, header: true)
        self.index = index
        if let header = index.header {
            columns = try DataFileBytes.bytes(of: path, in: header).withUnsafeBytes { CSVReader.columns(of: $0) }
        } else {
            columns = []
        }
    }

    var rowCount: Int { index.count }

    func rows(in range: Range<Int>) throws -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(range.count)
        try index.forEachRecord(in: range) { bytes, line in
            let fields = CSVReader.fields(of: bytes)
            guard fields.count == columns.count else {
                throw FileSystemDataError.invalid(
                    path: index.path, line: line, reason: "expected \(columns.count) fields, found \(fields.count)")
            }
            rows.append(Row(columns: columns, values: fields.map(CSVReader.value)))
        }
        return rows
    }
}
