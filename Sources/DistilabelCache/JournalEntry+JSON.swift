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
        var bytes: [UInt8] = []
        appendJSONLine(to: &bytes)
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the line and its newline to `bytes`.
    func appendJSONLine(to bytes: inout [UInt8]) {
        func key(_ name: StaticString) {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            bytes.append(contentsOf: "\":".utf8)
        }
        func int(_ value: Int) { Value.int(Int64(value)).writeJSON(to: &bytes) }
        func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
        bytes.append(UInt8(ascii: "{"))
        key("offset")
        int(offset)
        bytes.append(UInt8(ascii: ","))
        key("record")
        bytes.append(UInt8(ascii: "{"))
        key("closesOrigin")
        bool(record.closesOrigin)
        bytes.append(UInt8(ascii: ","))
        key("isLast")
        bool(record.isLast)
        bytes.append(UInt8(ascii: ","))
        key("lineage")
        Value.string(record.lineage).writeJSON(to: &bytes)
        if let origin = record.origin {
            bytes.append(UInt8(ascii: ","))
            key("origin")
            int(origin)
        }
        bytes.append(UInt8(ascii: ","))
        key("rowCount")
        int(record.rowCount)
        bytes.append(UInt8(ascii: ","))
        key("sequence")
        int(record.sequence)
        bytes.append(UInt8(ascii: ","))
        key("status")
        Value.string(record.status.rawValue).writeJSON(to: &bytes)
        bytes.append(UInt8(ascii: ","))
        key("version")
        int(record.version)
        bytes.append(contentsOf: "},".utf8)
        if let removed {
            key("removed")
            bool(removed)
            bytes.append(UInt8(ascii: ","))
        }
        key("segment")
        int(segment)
        bytes.append(contentsOf: "}\n".utf8)
    }

    /// The journal lines of `entries`, each with its newline.
    static func jsonLines(_ entries: [JournalEntry]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 200)
        for entry in entries { entry.appendJSONLine(to: &bytes) }
        return bytes
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
