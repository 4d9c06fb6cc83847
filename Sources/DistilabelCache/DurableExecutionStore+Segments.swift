import DistilabelCore
import DistilabelDataFiles
import Foundation
import Parquet

extension DurableExecutionStore {
    public func save(_ record: BatchRecord, rows: [Row], for step: StepKey) async throws {
        if let previous = buffered[step.name]?[record.sequence] { bufferedRows -= previous.rows.count }
        buffered[step.name, default: [:]][record.sequence] = (record, rows)
        bufferedRows += rows.count
        if bufferedRows >= segmentRowLimit || ContinuousClock.now - lastCommit >= commitInterval {
            try commit()
        }
    }

    public func loadRows(for step: StepKey, batch: Int) async throws -> [Row] {
        if let pending = buffered[step.name]?[batch] { return pending.rows }
        guard let entry = entries[step.name]?[batch], entry.record.rowCount > 0 else { return [] }
        let rows = try segmentRows(step: step.name, segment: entry.segment)
        guard entry.offset >= 0, entry.offset + entry.record.rowCount <= rows.count else {
            throw CacheError.corruptFile(
                path: segmentURL(step: step.name, segment: entry.segment).path,
                reason:
                    "batch \(batch) needs rows \(entry.offset)..<\(entry.offset + entry.record.rowCount), the file has \(rows.count)"
            )
        }
        return Array(rows[entry.offset..<(entry.offset + entry.record.rowCount)])
    }

    func segmentRows(step: String, segment: Int) throws -> [Row] {
        if let cached = segmentCache[step], cached.segment == segment { return cached.rows }
        let url = segmentURL(step: step, segment: segment)
        let rows: [Row]
        do {
            rows = try ParquetFileReader(path: url.path).readAllRows().map(ValueConversion.row)
        } catch {
            throw CacheError.corruptFile(path: url.path, reason: "\(error)")
        }
        segmentCache[step] = (segment, rows)
        return rows
    }

    /// The group commit. Writes buffered batches as segment files (one per run of consecutive batches, each
    /// fsynced and renamed into place), then appends their journal lines with one fsync per step: rows durable
    /// first, then the records that say they are done.
    public func commit() throws {
        lastCommit = .now
        var lines: [String: [JournalEntry]] = [:]
        for step in buffered.keys.sorted() {
            guard let batches = buffered[step], !batches.isEmpty else { continue }
            let sequences = batches.keys.sorted()
            var flushed: [Int] = []
            // Batches replacing ones already in a segment rewrite that segment in place.
            let replacing = sequences.filter { entries[step]?[$0] != nil }
            for segment in Set(replacing.compactMap { entries[step]?[$0]?.segment }).sorted() {
                lines[step, default: []] += try rewriteSegment(step: step, segment: segment, with: batches)
            }
            flushed += replacing
            // New batches go to new segments, one per run of consecutive sequence numbers.
            let fresh = sequences.filter { entries[step]?[$0] == nil }
            var runs: [[Int]] = []
            for sequence in fresh {
                if let last = runs.last?.last, last + 1 == sequence {
                    runs[runs.count - 1].append(sequence)
                } else {
                    runs.append([sequence])
                }
            }
            for run in runs {
                lines[step, default: []] += try writeSegment(step: step, batches: run.map { batches[$0]! })
                flushed += run
            }
            for sequence in flushed {
                bufferedRows -= batches[sequence]!.rows.count
                buffered[step]![sequence] = nil
            }
        }
        guard !lines.isEmpty else { return }
        try appendJournal(lines)
    }

    func appendJournal(_ lines: [String: [JournalEntry]]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (step, stepLines) in lines where !stepLines.isEmpty {
            var bytes: [UInt8] = []
            for line in stepLines {
                bytes.append(contentsOf: try encoder.encode(line))
                bytes.append(0x0A)
                if line.removed == true {
                    entries[step]?[line.record.sequence] = nil
                } else {
                    entries[step, default: [:]][line.record.sequence] = line
                }
            }
            try DurableFiles.appendDurably(bytes, to: journalURL(step))
        }
    }

    /// Writes consecutive batches as one segment file named after the first one with rows.
    private func writeSegment(step: String, batches: [(record: BatchRecord, rows: [Row])]) throws -> [JournalEntry] {
        guard let first = batches.first(where: { !$0.rows.isEmpty }) else {
            return batches.map { JournalEntry(record: $0.record, segment: -1, offset: 0) }
        }
        let segment = first.record.sequence
        var lines: [JournalEntry] = []
        var rows: [Row] = []
        for batch in batches {
            lines.append(
                JournalEntry(record: batch.record, segment: batch.rows.isEmpty ? -1 : segment, offset: rows.count))
            rows.append(contentsOf: batch.rows)
        }
        try writeParquet(rows, to: segmentURL(step: step, segment: segment))
        if segmentCache[step]?.segment == segment { segmentCache[step] = nil }
        return lines
    }

    /// Rewrites the segment holding some of `replacements`: its other batches keep their rows.
    private func rewriteSegment(
        step: String, segment: Int, with replacements: [Int: (record: BatchRecord, rows: [Row])]
    ) throws -> [JournalEntry] {
        let members = (entries[step] ?? [:]).values.filter { $0.segment == segment }.sorted {
            $0.record.sequence < $1.record.sequence
        }
        let existing = segment >= 0 ? (try? segmentRows(step: step, segment: segment)) : []
        var batches: [(record: BatchRecord, rows: [Row])] = []
        for member in members {
            if let replacement = replacements[member.record.sequence] {
                batches.append(replacement)
            } else if let existing, member.offset + member.record.rowCount <= existing.count {
                batches.append(
                    (member.record, Array(existing[member.offset..<(member.offset + member.record.rowCount)])))
            }
        }
        if segment >= 0 { try? FileManager.default.removeItem(at: segmentURL(step: step, segment: segment)) }
        if segmentCache[step]?.segment == segment { segmentCache[step] = nil }
        return try writeSegment(step: step, batches: batches)
    }

    private func writeParquet(_ rows: [Row], to url: URL) throws {
        // The file is fsynced before it is renamed into place, and before any journal line refers to it.
        let options = ParquetWriterOptions()
        do {
            try ParquetFileWriter.write(to: url, options: options) { writer in
                try writer.write(rows: rows.map(ValueConversion.record))
            }
        } catch let error as CacheError {
            throw error
        } catch {
            throw CacheError.writeFailed(path: url.path, reason: "\(error)")
        }
    }

    /// Removes the batches numbered `count` and above (an earlier run of this execution produced more).
    func dropBatches(step: String, from count: Int) throws {
        let extra = (entries[step] ?? [:]).values.filter { $0.record.sequence >= count }
        guard !extra.isEmpty else { return }
        var lines = extra.map { entry -> JournalEntry in
            var removal = entry
            removal.removed = true
            return removal
        }
        let segments = Set(extra.map(\.segment)).filter { $0 >= 0 }
        for segment in segments {
            let kept = (entries[step] ?? [:]).values.filter { $0.segment == segment && $0.record.sequence < count }
            if kept.isEmpty {
                try? FileManager.default.removeItem(at: segmentURL(step: step, segment: segment))
            } else {
                var keptEntries = entries[step] ?? [:]
                for entry in extra { keptEntries[entry.record.sequence] = nil }
                entries[step] = keptEntries
                lines += try rewriteSegment(step: step, segment: segment, with: [:])
            }
        }
        try appendJournal([step: lines])
    }
}
