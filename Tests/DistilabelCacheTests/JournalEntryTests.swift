import DistilabelCore
import Foundation
import Testing

@testable import DistilabelCache

@Suite struct JournalEntryTests {
    private let entries = [
        JournalEntry(
            record: BatchRecord(
                sequence: 3, status: .done, rowCount: 50, version: 0, lineage: "generator:offset=150:size=50",
                isLast: false),
            segment: 0, offset: 150),
        JournalEntry(
            record: BatchRecord(
                sequence: 12, status: .failed, rowCount: 7, version: 2, lineage: "9f2c1e", origin: 4,
                closesOrigin: true, isLast: true),
            segment: 10, offset: 14, removed: true),
    ]

    @Test func linesAreTheBytesJSONEncoderWritesAndReadBack() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for entry in entries {
            let foundation = String(decoding: try encoder.encode(entry), as: UTF8.self)
            #expect(entry.jsonLine == foundation)
            #expect(JournalEntry(jsonLine: Array(foundation.utf8)) == entry)
        }
        #expect(JournalEntry(jsonLine: Array(#"{"offset":0,"segment":1}"#.utf8)) == nil)
        #expect(JournalEntry(jsonLine: Array(#"{"offset":0,"record":{"sequence":"x"}"#.utf8)) == nil)
    }
}
