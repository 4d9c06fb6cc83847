import DistilabelCore
import DistilabelDataFiles
import Foundation
import Parquet

extension DurableExecutionStore {
    public func save(_ record: BatchRecord, rows: [Row], for step: StepKey) async throws {
        if let commitFailure { throw commitFailure }
        if let previous = buffered[step.name]?[record.sequence] { bufferedRows -= previous.rows.count }
        if entries[step.name]?[record.sequence] != nil { bufferHoldsReplacements = true }
        buffered[step.name, default: [:]][record.sequence] = (record, rows)
        bufferedRows += rows.count
        if bufferedRows >= segmentRowLimit || ContinuousClock.now - lastCommit >= commitInterval {
            try await startBackgroundCommit()
        }
    }

    public func loadRows(for step: StepKey, batch: Int) async throws -> [Row] {
        if let pending = buffered[step.name]?[batch] { return pending.rows }
        for number in committing.keys.sorted(by: >) {
            if let pending = committing[number]?[step.name]?[batch] { return pending.rows }
        }
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

    /// Starts a group commit of the buffered batches in the background, so that the steps go on computing while
    /// the segments are encoded and fsynced. Batches that replace recorded ones (retries) take the synchronous path.
    ///
    /// One commit is written at a time. While it is, batches keep gathering behind it and go together in the next
    /// one, started as soon as it ends: on a slow disk commits grow instead of queueing, so the number of `fsync`s
    /// adapts to the disk. Memory stays bounded: with twice ``segmentRowLimit`` rows waiting behind a commit, the
    /// caller waits for it.
    func startBackgroundCommit() async throws {
        if bufferHoldsReplacements {
            lastCommit = .now
            try await commit()
            return
        }
        if !committing.isEmpty {
            guard bufferedRows >= 2 * segmentRowLimit else { return }
            try await drainBackgroundCommits()
        }
        launchBackgroundCommit()
    }

    /// Hands the buffered batches to a detached task that writes them (nothing else is being written).
    private func launchBackgroundCommit() {
        lastCommit = .now
        var plans: [SegmentPlan] = []
        for step in buffered.keys.sorted() {
            guard let batches = buffered[step], !batches.isEmpty else { continue }
            for run in Self.consecutiveRuns(batches.keys.sorted()) {
                plans.append(
                    SegmentPlan(
                        step: step, journal: journalURL(step), folder: batchDirectory(for: step),
                        batches: run.map { batches[$0]! }))
            }
        }
        guard !plans.isEmpty else { return }
        let number = nextCommitNumber
        nextCommitNumber += 1
        committing[number] = buffered
        buffered = [:]
        bufferedRows = 0
        let previous = commitTask
        commitTask = Task.detached {
            try await previous?.value
            do {
                let lines = try SegmentPlan.write(plans)
                await self.recordCommitted(number, lines: lines)
                Self.releaseFreedMemory()
            } catch {
                let failure =
                    (error as? CacheError)
                    ?? CacheError.writeFailed(path: "\(plans[0].folder.path)", reason: "\(error)")
                await self.recordCommitFailure(failure)
                throw failure
            }
        }
    }

    /// Hands the pages the committed batches occupied back to the operating system. A long run allocates rows on
    /// many threads; without this, glibc keeps each thread arena's high-water mark resident, and a 1M-row run's
    /// peak RSS grows by tens of megabytes that hold nothing.
    static func releaseFreedMemory() {
        _ = mallocTrim?(0)
    }

    /// glibc's `malloc_trim`, looked up once (absent elsewhere: then nothing is done).
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
            return nil
        #endif
    }()

    func recordCommitted(_ number: Int, lines: [String: [JournalEntry]]) {
        for (step, stepLines) in lines {
            for line in stepLines { entries[step, default: [:]][line.record.sequence] = line }
        }
        committing[number] = nil
        // The batches that gathered while this commit was written go next, at once.
        if committing.isEmpty, commitFailure == nil, !bufferHoldsReplacements, bufferedRows >= segmentRowLimit {
            launchBackgroundCommit()
        }
    }

    func recordCommitFailure(_ failure: CacheError) {
        if commitFailure == nil { commitFailure = failure }
    }

    /// Waits for the background commits; throws the first one's failure.
    func drainBackgroundCommits() async throws {
        while let task = commitTask {
            commitTask = nil
            try await task.value
        }
        if let commitFailure { throw commitFailure }
    }

    /// Runs of consecutive sequence numbers, each becoming one segment file.
    static func consecutiveRuns(_ sequences: [Int]) -> [[Int]] {
        var runs: [[Int]] = []
        for sequence in sequences {
            if let last = runs.last?.last, last + 1 == sequence {
                runs[runs.count - 1].append(sequence)
            } else {
                runs.append([sequence])
            }
        }
        return runs
    }

    /// The group commit, waiting for it: the background commits first, then the buffered batches, as segment files
    /// (one per run of consecutive batches, each fsynced and renamed into place), then their journal lines with one
    /// fsync per step: rows durable first, then the records that say they are done.
    public func commit() async throws {
        try await drainBackgroundCommits()
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
            for run in Self.consecutiveRuns(fresh) {
                lines[step, default: []] += try writeSegment(step: step, batches: run.map { batches[$0]! })
                flushed += run
            }
            for sequence in flushed {
                bufferedRows -= batches[sequence]!.rows.count
                buffered[step]![sequence] = nil
            }
        }
        bufferHoldsReplacements = false
        guard !lines.isEmpty else { return }
        try appendJournal(lines)
    }

    func appendJournal(_ lines: [String: [JournalEntry]]) throws {
        for (step, stepLines) in lines where !stepLines.isEmpty {
            for line in stepLines {
                if line.removed == true {
                    entries[step]?[line.record.sequence] = nil
                } else {
                    entries[step, default: [:]][line.record.sequence] = line
                }
            }
            try DurableFiles.appendDurably(JournalEntry.jsonLines(stepLines), to: journalURL(step))
        }
    }

    /// Writes consecutive batches as one segment file named after the first one with rows.
    private func writeSegment(step: String, batches: [(record: BatchRecord, rows: [Row])]) throws -> [JournalEntry] {
        let plan = SegmentPlan(
            step: step, journal: journalURL(step), folder: batchDirectory(for: step), batches: batches)
        if segmentCache[step]?.segment == plan.segment { segmentCache[step] = nil }
        return try plan.writeSegment()
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
