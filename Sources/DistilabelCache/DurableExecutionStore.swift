import DistilabelCore
import Foundation
import Parquet

/// The crash-safe cache: every batch a step finishes is saved under
/// `<cache directory>/<pipeline name>/<signature>/`, and a later run of the same pipeline reuses it.
///
/// Layout:
/// - `batch_manager.json`: the execution's summary (format version, signature, each step's cache key, batch count
///   when finished, status), rewritten atomically when a run opens and closes;
/// - `batch_manager_steps/<step>.jsonl`: each step's journal, one ``JournalEntry`` per line (a ``BatchRecord`` and
///   where its rows are), appended at each commit;
/// - `data/<leaf>/00001.parquet, …` for leaf steps and `steps/<step>/…` for the others: segment files, each a
///   contiguous run of batches named after its first batch, so that reading a leaf's files in name order gives its
///   rows in generator order.
///
/// Durability: finished batches are buffered per step and written at each group commit (every ``commitInterval``,
/// when ``segmentRowLimit`` rows are buffered, and on close): segment files under a temporary name, fsynced and
/// renamed into place, then the journal lines with `fsync`. A `kill -9` loses at most the batches not yet
/// committed (those of the last interval, or up to about three times ``segmentRowLimit`` rows when the disk is slower
/// than the steps), which the next run computes again, once; a segment file no journal line refers to is removed on
/// open. A journal's torn last line is cut off on open.
///
/// Group commits of new batches run in the background while the steps go on computing (see
/// ``startBackgroundCommit()``): one at a time, in order, each writing its segments before its journal lines; the
/// batches finished meanwhile form the next one, so commits grow when the disk is slow instead of queueing. A
/// failed commit (disk full, say) fails every later one and the next ``save(_:rows:for:)`` or ``close(completed:)``,
/// so nothing is ever recorded after a batch that was not. ``close(completed:)`` waits for them all.
public actor DurableExecutionStore: ExecutionStore {
    /// The format of `batch_manager.json` and the journals.
    public static let formatVersion = 1

    /// How segment files are encoded: pyarrow's defaults (snappy, dictionaries), except that a column chunk drops
    /// its dictionary when more than half of its first values are distinct (generated text, ids), which halves the
    /// time a no-op step's batches take to save and keeps the file as small or smaller.
    public static let segmentWriterOptions: ParquetWriterOptions = {
        var options = ParquetWriterOptions()
        options.dictionaryDistinctRatioLimit = 0.5
        return options
    }()

    /// The execution's folder.
    public let directory: URL
    /// Time between group commits.
    public let commitInterval: Duration
    /// Buffered rows (over all steps) that trigger a commit before the interval ends.
    public let segmentRowLimit: Int
    var plan: ExecutionPlan?
    /// Every step's journal, by batch.
    var entries: [String: [Int: JournalEntry]] = [:]
    /// Batches computed and not yet written, by step and sequence.
    var buffered: [String: [Int: (record: BatchRecord, rows: [Row])]] = [:]
    var bufferedRows = 0
    /// Whether a buffered batch replaces one already recorded (a retry): such batches are committed synchronously.
    var bufferHoldsReplacements = false
    /// Batches handed to background commits not yet recorded in ``entries``, by commit number.
    var committing: [Int: [String: [Int: (record: BatchRecord, rows: [Row])]]] = [:]
    /// The newest background commit; each one waits for the one before it.
    var commitTask: Task<Void, any Error>?
    var nextCommitNumber = 0
    /// Why a background commit failed: every later save and the close report it.
    var commitFailure: CacheError?
    var finished: [String: Int] = [:]
    var lastCommit = ContinuousClock.now
    var lock: CacheLock?
    var leaves: Set<String> = []
    /// The last segment read, per step, so that reading its batches one by one reads the file once.
    var segmentCache: [String: (segment: Int, rows: [Row])] = [:]
    /// Steps whose batches were taken from an earlier execution with the same step cache key.
    public internal(set) var adoptedSteps: [String] = []

    public init(directory: URL, commitInterval: Duration = .seconds(1), segmentRowLimit: Int = 25_000) {
        self.directory = directory
        self.commitInterval = commitInterval
        self.segmentRowLimit = segmentRowLimit
    }

    var journalDirectory: URL { directory.appendingPathComponent("batch_manager_steps", isDirectory: true) }

    func journalURL(_ step: String) -> URL { journalDirectory.appendingPathComponent("\(step).jsonl") }

    /// The folder holding a step's segment files.
    public func batchDirectory(for step: String) -> URL {
        leaves.contains(step)
            ? directory.appendingPathComponent("data/\(step)", isDirectory: true)
            : directory.appendingPathComponent("steps/\(step)", isDirectory: true)
    }

    func segmentURL(step: String, segment: Int) -> URL {
        batchDirectory(for: step).appendingPathComponent(segment.segmentFileName)
    }

    public func open(_ plan: ExecutionPlan) async throws {
        self.plan = plan
        leaves = Set(plan.leaves)
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        lock = try CacheLock(directory: directory)
        if !plan.useCache {
            for folder in ["data", "steps", "batch_manager_steps"] {
                try? manager.removeItem(at: directory.appendingPathComponent(folder))
            }
        }
        try manager.createDirectory(at: journalDirectory, withIntermediateDirectories: true)
        for step in plan.steps {
            let folder = batchDirectory(for: step.name)
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            if plan.useCache, !manager.fileExists(atPath: journalURL(step.name).path),
                try adoptBatches(for: step, into: folder, journal: journalURL(step.name))
            {
                adoptedSteps.append(step.name)
            }
            entries[step.name] = plan.useCache ? try loadJournal(step.name) : [:]
            removeUnreferencedSegments(step: step.name)
        }
        try writeManager(status: "running")
    }

    /// Reads a step's journal, cutting off a torn last line left by a crash.
    func loadJournal(_ step: String) throws -> [Int: JournalEntry] {
        let url = journalURL(step)
        guard var bytes = FileManager.default.contents(atPath: url.path).map(Array.init) else { return [:] }
        if let lastNewline = bytes.lastIndex(of: 0x0A) {
            if lastNewline < bytes.count - 1 {
                bytes.removeSubrange((lastNewline + 1)...)
                try DurableFiles.writeAtomically(bytes, to: url)
            }
        } else if !bytes.isEmpty {
            bytes = []
            try DurableFiles.writeAtomically(bytes, to: url)
        }
        var result: [Int: JournalEntry] = [:]
        for (index, line) in bytes.split(separator: 0x0A).enumerated() where !line.isEmpty {
            guard let entry = JournalEntry(jsonLine: Array(line)) else {
                throw CacheError.corruptFile(path: url.path, reason: "line \(index + 1) is not a batch record")
            }
            if entry.removed == true {
                result[entry.record.sequence] = nil
            } else {
                result[entry.record.sequence] = entry
            }
        }
        return result
    }

    /// Segment files that no journal line refers to hold batches whose records a crash lost: remove them, so that
    /// a step's files hold exactly its recorded batches.
    func removeUnreferencedSegments(step: String) {
        let referenced = Set((entries[step] ?? [:]).values.filter { $0.record.rowCount > 0 }.map(\.segment))
        let folder = batchDirectory(for: step)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            if name.hasPrefix(".tmp-") {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                continue
            }
            guard name.hasSuffix(".parquet"), let number = Int(name.dropLast(8)) else { continue }
            if !referenced.contains(number - 1) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    public func savedBatches(for step: StepKey) async throws -> [Int: BatchRecord] {
        guard plan?.useCache ?? false else { return [:] }
        var result: [Int: BatchRecord] = [:]
        var present: [Int: Bool] = [:]
        let replayed = plan?.replayedSteps.contains(step.name) ?? false
        for (sequence, entry) in entries[step.name] ?? [:] {
            if entry.record.rowCount > 0 && entry.segment < 0 {
                // Saved without rows: reusable only by a generator that produces them again.
                guard replayed else { continue }
            } else if entry.record.rowCount > 0 {
                // A segment deleted by hand (to recompute its batches), or cut short, makes them not reusable.
                let exists =
                    present[entry.segment]
                    ?? Self.segmentLooksWhole(segmentURL(step: step.name, segment: entry.segment))
                present[entry.segment] = exists
                guard exists else { continue }
            }
            result[sequence] = entry.record
        }
        return result
    }

    public func finish(_ step: StepKey, batchCount: Int) async throws {
        finished[step.name] = batchCount
    }

    public func close(completed: Bool) async throws {
        try await commit()
        for step in plan?.steps ?? [] {
            if let count = finished[step.name] { try dropBatches(step: step.name, from: count) }
        }
        try writeManager(status: completed ? "finished" : "interrupted")
        lock = nil
    }

    private func writeManager(status: String) throws {
        guard let plan else { return }
        var steps: [Value] = []
        for step in plan.steps {
            var entry: Row = ["name": .string(step.name), "cache_key": .string(step.cacheKey)]
            entry["leaf"] = .bool(leaves.contains(step.name))
            entry["finished_batches"] = finished[step.name].map { .int(Int64($0)) } ?? .null
            steps.append(.struct(entry))
        }
        let manager: Value = [
            "format_version": .int(Int64(Self.formatVersion)),
            "signature_algorithm": .int(Int64(PipelineSignature.algorithmVersion)),
            "pipeline": .string(plan.pipelineName), "signature": .string(plan.signature), "status": .string(status),
            "steps": .list(steps),
        ]
        try DurableFiles.writeAtomically(
            Array(manager.jsonString().utf8), to: directory.appendingPathComponent("batch_manager.json"))
    }
}
