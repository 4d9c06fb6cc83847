import DistilabelCore
import Foundation

extension DurableExecutionStore {
    /// Batches of steps that an earlier execution of the same pipeline name computed with the same cache key (the
    /// step and everything upstream of it unchanged), linked into this execution so that they are reused: change a
    /// step, and only it and what follows it are computed again.
    ///
    /// Files are hard-linked (copied when linking fails) before the journal is copied, so the rule "rows durable
    /// first, then the record" holds here too.
    func adoptBatches(for step: StepKey, into folder: URL, journal: URL) throws -> Bool {
        let manager = FileManager.default
        let pipelineFolder = directory.deletingLastPathComponent()
        let siblings = (try? manager.contentsOfDirectory(atPath: pipelineFolder.path)) ?? []
        for sibling in siblings.sorted() where sibling != directory.lastPathComponent {
            let siblingDirectory = pipelineFolder.appendingPathComponent(sibling, isDirectory: true)
            guard let summary = Self.readSummary(siblingDirectory),
                case .list(let steps) = summary["steps"] ?? .null,
                let match = steps.compactMap(\.structValue).first(where: {
                    $0["name"]?.stringValue == step.name && $0["cache_key"]?.stringValue == step.cacheKey
                })
            else { continue }
            let sourceJournal = siblingDirectory.appendingPathComponent("batch_manager_steps/\(step.name).jsonl")
            guard manager.fileExists(atPath: sourceJournal.path) else { continue }
            let wasLeaf = match["leaf"]?.boolValue ?? false
            let sourceFolder = siblingDirectory.appendingPathComponent(
                wasLeaf ? "data/\(step.name)" : "steps/\(step.name)", isDirectory: true)
            for name in (try? manager.contentsOfDirectory(atPath: sourceFolder.path)) ?? []
            where name.hasSuffix(".parquet") && !name.hasPrefix(".") {
                let target = folder.appendingPathComponent(name)
                try? manager.removeItem(at: target)
                let source = sourceFolder.appendingPathComponent(name)
                if link(source.path, target.path) != 0 { try manager.copyItem(at: source, to: target) }
            }
            DurableFiles.syncFileSystem(containing: directory.path)
            let bytes = try Foundation.Data(contentsOf: sourceJournal)
            try DurableFiles.writeAtomically(Array(bytes), to: journal)
            return true
        }
        return false
    }

    /// The parsed `batch_manager.json` of an execution folder, if it has a readable one.
    static func readSummary(_ executionDirectory: URL) -> Row? {
        let url = executionDirectory.appendingPathComponent("batch_manager.json")
        guard let bytes = FileManager.default.contents(atPath: url.path),
            case .struct(let row) = try? Value(jsonBytes: Array(bytes))
        else { return nil }
        return row
    }

    /// How many saved batches are recorded as failed, by step: the next run computes them again.
    public func failedBatchCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for (step, stepEntries) in entries {
            let failed = stepEntries.values.filter { $0.record.status == .failed }.count
            if failed > 0 { counts[step] = failed }
        }
        return counts
    }
}
