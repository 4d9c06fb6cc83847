import DistilabelCore

/// The journal line format, written and read by hand: `JSONEncoder`/`JSONDecoder` cost tens of microseconds a line,
/// which a 100k-row pipeline with small batches pays thousands of times on every resume.
///
/// A line is one JSON object with sorted keys, the same bytes `JSONEncoder` with `.sortedKeys` writes:
/// `{"offset":0,"record":{"closesOrigin":false,"isLast":false,"lineage":"…","rowCount":50,"sequence":3,
/// "status":"done","version":0},"segment":0}`, with `"origin"` in the record for routed batches and `"removed":true`
/// on a line that removes its batch.
extension JournalEntry {
    /// The line, without its newline.
    var jsonLine: String {
        var record: Row = [
            "closesOrigin": .bool(self.record.closesOrigin), "isLast": .bool(self.record.isLast),
            "lineage": .string(self.record.lineage),
        ]
        if let origin = self.record.origin { record["origin"] = .int(Int64(origin)) }
        record["rowCount"] = .int(Int64(self.record.rowCount))
        record["sequence"] = .int(Int64(self.record.sequence))
        record["status"] = .string(self.record.status.rawValue)
        record["version"] = .int(Int64(self.record.version))
        var line: Row = ["offset": .int(Int64(offset)), "record": .struct(record)]
        if let removed { line["removed"] = .bool(removed) }
        line["segment"] = .int(Int64(segment))
        return Value.struct(line).jsonString()
    }

    /// Parses a line; `nil` when it is not a journal entry.
    init?(jsonLine bytes: [UInt8]) {
        guard case .struct(let line)? = try? Value(jsonBytes: bytes),
            let record = line["record"]?.structValue,
            let offset = line["offset"]?.intValue, let segment = line["segment"]?.intValue,
            let sequence = record["sequence"]?.intValue, let rowCount = record["rowCount"]?.intValue,
            let version = record["version"]?.intValue, let lineage = record["lineage"]?.stringValue,
            let status = record["status"]?.stringValue.flatMap(BatchRecord.Status.init(rawValue:))
        else { return nil }
        let origin: Int?
        switch record["origin"] {
        case .none, .null?: origin = nil
        case .int(let value)?: origin = Int(value)
        default: return nil
        }
        self.init(
            record: BatchRecord(
                sequence: Int(sequence), status: status, rowCount: Int(rowCount), version: Int(version),
                lineage: lineage, origin: origin, closesOrigin: record["closesOrigin"]?.boolValue ?? false,
                isLast: record["isLast"]?.boolValue ?? false),
            segment: Int(segment), offset: Int(offset), removed: line["removed"]?.boolValue)
    }
}
