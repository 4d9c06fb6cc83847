import DistilabelCore
import DistilabelDataFiles
import Foundation
import Parquet

/// One segment file to write: a run of consecutive batches of one step, named after the first batch with rows.
///
/// Plans are plain values, so that a group commit can write them off the store's actor while the steps go on.
struct SegmentPlan: Sendable {
    let step: String
    /// The step's journal.
    let journal: URL
    /// The folder holding the step's segment files.
    let folder: URL
    let batches: [(record: BatchRecord, rows: [Row])]

    /// The segment's number (its first batch with rows), or -1 when no batch has rows (no file is written).
    var segment: Int { batches.first { !$0.rows.isEmpty }?.record.sequence ?? -1 }

    /// Writes the segment file (fsynced, then renamed into place) and returns the journal lines that record it.
    func writeSegment() throws -> [JournalEntry] {
        let segment = self.segment
        guard segment >= 0 else { return batches.map { JournalEntry(record: $0.record, segment: -1, offset: 0) } }
        var lines: [JournalEntry] = []
        var offset = 0
        for batch in batches {
            lines.append(JournalEntry(record: batch.record, segment: batch.rows.isEmpty ? -1 : segment, offset: offset))
            offset += batch.rows.count
        }
        let url = folder.appendingPathComponent(segment.segmentFileName)
        do {
            // The file is fsynced before it is renamed into place, and before any journal line refers to it.
            try ParquetRows.write(
                batches: batches.map(\.rows), to: url, options: DurableExecutionStore.segmentWriterOptions)
        } catch let error as CacheError {
            throw error
        } catch {
            throw CacheError.writeFailed(path: url.path, reason: "\(error)")
        }
        return lines
    }

    /// A whole group commit: every segment first, then each step's journal lines with one `fsync` per journal. A
    /// crash in between leaves segments no line refers to, which the next open removes.
    static func write(_ plans: [SegmentPlan]) throws -> [String: [JournalEntry]] {
        var lines: [String: [JournalEntry]] = [:]
        var journals: [String: URL] = [:]
        for plan in plans {
            lines[plan.step, default: []] += try plan.writeSegment()
            journals[plan.step] = plan.journal
        }
        for (step, stepLines) in lines.sorted(by: { $0.key < $1.key }) {
            try DurableFiles.appendDurably(JournalEntry.jsonLines(stepLines), to: journals[step]!)
        }
        return lines
    }
}
