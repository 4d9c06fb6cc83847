import DistilabelCore
import Foundation
import Parquet

/// The crash-safe cache: every batch a step finishes is saved under
/// `<cache directory>/<pipeline name>/<signature>/`, and a later run of the same pipeline reuses it.
///
/// Layout:
/// - `batch_manager.json`: the execution's summary (format version, signature, each step's cache key, batch count
///   when finished), rewritten atomically when the run opens and closes;
/// - `batch_manager_steps/<step>.jsonl`: each step's journal, one ``BatchRecord`` per line, appended at each
///   commit;
/// - `data/<leaf>/00001.parquet, …` and `steps/<step>/00001.parquet, …`: batch `n`'s rows in file `n + 1` (no file
///   for an empty batch), so reading a leaf's files in name order gives its rows in generator order.
///
/// Durability: batch files are written under a temporary name and renamed into place; records are kept in memory
/// until a commit (every ``commitInterval``, and on close), which first flushes the file system once (`syncfs`)
/// so that every batch file is durable, then appends the records to the journals with `fsync`. A `kill -9` loses at
/// most the records of the last interval; their batches are computed again, once, by the next run, and their
/// files are replaced atomically. A journal's torn last line is cut off on open.
public actor DurableExecutionStore: ExecutionStore {
    /// The format of `batch_manager.json` and the journals.
    public static let formatVersion = 1

    /// The execution's folder.
    public let directory: URL
    /// Time between group commits.
    public let commitInterval: Duration
    private var plan: ExecutionPlan?
    var records: [String: [Int: BatchRecord]] = [:]
    private var pending: [String: [BatchRecord]] = [:]
    private var finished: [String: Int] = [:]
    private var lastCommit = ContinuousClock.now
    private var lock: CacheLock?
    private var leaves: Set<String> = []
    /// Steps whose batches were taken from an earlier execution with the same step cache key.
    public private(set) var adoptedSteps: [String] = []

    public init(directory: URL, commitInterval: Duration = .seconds(1)) {
        self.directory = directory
        self.commitInterval = commitInterval
    }

    var journalDirectory: URL { directory.appendingPathComponent("batch_manager_steps", isDirectory: true) }

    func journalURL(_ step: String) -> URL { journalDirectory.appendingPathComponent("\(step).jsonl") }

    /// The folder holding a step's batch files.
    public func batchDirectory(for step: String) -> URL {
        leaves.contains(step)
            ? directory.appendingPathComponent("data/\(step)", isDirectory: true)
            : directory.appendingPathComponent("steps/\(step)", isDirectory: true)
    }

    private func batchURL(step: String, sequence: Int) -> URL {
        batchDirectory(for: step).appendingPathComponent(String(format: "%05d.parquet", sequence + 1))
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
            guard plan.useCache else {
                records[step.name] = [:]
                continue
            }
            if !manager.fileExists(atPath: journalURL(step.name).path),
                try adoptBatches(for: step, into: folder, journal: journalURL(step.name))
            {
                adoptedSteps.append(step.name)
            }
            records[step.name] = try loadJournal(step.name)
        }
        try writeManager(status: "running")
    }

    /// Reads a step's journal, cutting off a torn last line left by a crash.
    private func loadJournal(_ step: String) throws -> [Int: BatchRecord] {
        let url = journalURL(step)
        guard var bytes = FileManager.default.contents(atPath: url.path).map(Array.init) else { return [:] }
        if let lastNewline = bytes.lastIndex(of: 0x0A), lastNewline < bytes.count - 1 {
            bytes.removeSubrange((lastNewline + 1)...)
            try DurableFiles.writeAtomically(bytes, to: url)
        } else if !bytes.isEmpty && !bytes.contains(0x0A) {
            bytes = []
            try DurableFiles.writeAtomically(bytes, to: url)
        }
        var result: [Int: BatchRecord] = [:]
        let decoder = JSONDecoder()
        for (index, line) in bytes.split(separator: 0x0A).enumerated() where !line.isEmpty {
            do {
                let record = try decoder.decode(BatchRecord.self, from: Foundation.Data(line))
                result[record.sequence] = record
            } catch {
                throw CacheError.corruptFile(path: url.path, reason: "line \(index + 1) is not a batch record")
            }
        }
        return result
    }

    public func savedBatches(for step: StepKey) async throws -> [Int: BatchRecord] {
        guard plan?.useCache ?? false else { return [:] }
        let saved = records[step.name] ?? [:]
        // A record whose file is missing (deleted by hand to recompute it) is not reusable.
        return saved.filter { _, record in
            record.rowCount == 0
                || FileManager.default.fileExists(atPath: batchURL(step: step.name, sequence: record.sequence).path)
        }
    }

    public func loadRows(for step: StepKey, batch: Int) async throws -> [Row] {
        let url = batchURL(step: step.name, sequence: batch)
        guard records[step.name]?[batch]?.rowCount ?? 0 > 0 else { return [] }
        do {
            return try ParquetFileReader(path: url.path).readAllRows().map(ValueConversion.row)
        } catch {
            throw CacheError.corruptFile(path: url.path, reason: "\(error)")
        }
    }

    public func save(_ record: BatchRecord, rows: [Row], for step: StepKey) async throws {
        let url = batchURL(step: step.name, sequence: record.sequence)
        if rows.isEmpty {
            try? FileManager.default.removeItem(at: url)
        } else {
            do {
                var options = ParquetWriterOptions()
                options.syncsFile = false
                try ParquetFileWriter.write(to: url, options: options) { writer in
                    try writer.write(rows: rows.map(ValueConversion.record))
                }
            } catch let error as CacheError {
                throw error
            } catch {
                throw CacheError.writeFailed(path: url.path, reason: "\(error)")
            }
        }
        records[step.name, default: [:]][record.sequence] = record
        pending[step.name, default: []].append(record)
        if ContinuousClock.now - lastCommit >= commitInterval { try commit() }
    }

    /// The group commit: batch files durable first, then the records that say they are done.
    public func commit() throws {
        lastCommit = .now
        guard pending.values.contains(where: { !$0.isEmpty }) else { return }
        DurableFiles.syncFileSystem(containing: directory.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (step, stepRecords) in pending where !stepRecords.isEmpty {
            var bytes: [UInt8] = []
            for record in stepRecords {
                bytes.append(contentsOf: try encoder.encode(record))
                bytes.append(0x0A)
            }
            try DurableFiles.appendDurably(bytes, to: journalURL(step))
        }
        pending = [:]
    }

    public func finish(_ step: StepKey, batchCount: Int) async throws {
        finished[step.name] = batchCount
        // Batch files past the end belong to an earlier, longer run: remove them so data/ holds only this run.
        let folder = batchDirectory(for: step.name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".parquet") {
            if let number = Int(name.dropLast(8)), number > batchCount {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    public func close(completed: Bool) async throws {
        try commit()
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
