public import DistilabelCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension DurableExecutionStore {
    /// When an earlier run of `plan`'s execution finished every step with no failed batch, and every leaf's files
    /// are whole: each leaf's row count. Such a run needs no step at all.
    ///
    /// This only reads: it takes the folder's lock for the time of the check and writes nothing (``open(_:)``
    /// marks the execution as running, which would make it look unfinished to the next run if this one stopped
    /// here). A leaf file that is missing or cut short sends the run down the normal path, which computes its
    /// batches again.
    public func finishedLeafRowCounts(for plan: ExecutionPlan) throws -> [String: Int]? {
        guard plan.useCache else { return nil }
        let held = try CacheLock(directory: directory)
        defer { withExtendedLifetime(held) {} }
        guard let summary = Self.readSummary(directory), summary["status"]?.stringValue == "finished",
            summary["signature"]?.stringValue == plan.signature,
            case .list(let steps) = summary["steps"] ?? .null
        else { return nil }
        let finishedSteps = Set(
            steps.compactMap(\.structValue).filter { $0["finished_batches"]?.intValue != nil }
                .compactMap { $0["name"]?.stringValue })
        guard plan.steps.allSatisfy({ finishedSteps.contains($0.name) }) else { return nil }
        var counts: [String: Int] = [:]
        for step in plan.steps {
            // A finished run's journals end with a whole line: reading them changes nothing.
            let journal = try loadJournal(step.name)
            guard journal.values.allSatisfy({ $0.record.status == .done }) else { return nil }
            guard plan.leaves.contains(step.name) else { continue }
            let folder = directory.appendingPathComponent("data/\(step.name)", isDirectory: true)
            var checked: Set<Int> = []
            for entry in journal.values where entry.record.rowCount > 0 && checked.insert(entry.segment).inserted {
                guard Self.segmentLooksWhole(folder.appendingPathComponent(entry.segment.segmentFileName)) else {
                    return nil
                }
            }
            counts[step.name] = journal.values.reduce(0) { $0 + $1.record.rowCount }
        }
        return counts
    }

    /// Whether the file at `url` can be a whole Parquet file: it exists, starts and ends with `PAR1`, and its
    /// footer length fits. Reads 12 bytes; catches a file deleted, truncated or overwritten at either end, not
    /// damage inside (reading the file reports that, naming it).
    static func segmentLooksWhole(_ url: URL) -> Bool {
        let descriptor = Glibc.open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { Glibc.close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 12 else { return false }
        let size = Int(status.st_size)
        var head = [UInt8](repeating: 0, count: 4)
        var tail = [UInt8](repeating: 0, count: 8)
        guard pread(descriptor, &head, 4, 0) == 4, pread(descriptor, &tail, 8, off_t(size - 8)) == 8 else {
            return false
        }
        let magic = Array("PAR1".utf8)
        let footerLength = tail.prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        return head == magic && Array(tail.suffix(4)) == magic && footerLength > 0 && footerLength <= size - 12
    }
}
