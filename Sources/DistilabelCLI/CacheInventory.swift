import Distilabel
import Foundation

/// What the cache directory holds: one entry per pipeline execution (`<name>/<signature>/`).
struct CacheInventory {
    /// One cached execution.
    struct Entry {
        var name: String
        var signature: String
        var directory: URL
        /// `finished`, `running`, `interrupted` (from `batch_manager.json`), or `unknown`.
        var status: String
        var stepsFinished: Int
        var stepCount: Int
        var rowsSaved: Int
        var failedRows: Int
        var bytes: Int64
        var lastRun: Date?

        /// `finished`, or `resumable (2/3 steps finished, 1200 rows saved)`, plus failed rows.
        var state: String {
            var text =
                status == "finished"
                ? "finished" : "resumable (\(stepsFinished)/\(stepCount) steps finished, \(rowsSaved) rows saved)"
            if failedRows > 0 { text += ", \(failedRows) failed rows" }
            return text
        }
    }

    let root: URL

    func entries() -> [Entry] {
        let manager = FileManager.default
        var result: [Entry] = []
        let names = ((try? manager.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        for name in names {
            let folder = root.appendingPathComponent(name, isDirectory: true)
            let signatures = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for signature in signatures {
                let directory = folder.appendingPathComponent(signature, isDirectory: true)
                let managerFile = directory.appendingPathComponent("batch_manager.json")
                guard manager.fileExists(atPath: managerFile.path) else { continue }
                result.append(entry(name: name, signature: signature, directory: directory, managerFile: managerFile))
            }
        }
        return result
    }

    private func entry(name: String, signature: String, directory: URL, managerFile: URL) -> Entry {
        let summary = FileManager.default.contents(atPath: managerFile.path).flatMap {
            try? Value(jsonBytes: Array($0))
        }
        let steps = summary?.structValue?["steps"]?.listValue ?? []
        let finished = steps.filter { !($0.structValue?["finished_batches"]?.isNull ?? true) }.count
        var rows = 0
        var failed = 0
        let journals = directory.appendingPathComponent("batch_manager_steps", isDirectory: true)
        let leaves = Set(
            steps.compactMap { step -> String? in
                guard step.structValue?["leaf"]?.boolValue == true else { return nil }
                return step.structValue?["name"]?.stringValue
            })
        for file in (try? FileManager.default.contentsOfDirectory(atPath: journals.path)) ?? [] {
            guard file.hasSuffix(".jsonl"), let bytes = FileManager.default.contents(atPath: journals.path + "/" + file)
            else { continue }
            let step = String(file.dropLast(6))
            var latest: [Int64: Row] = [:]
            for line in bytes.split(separator: 0x0A) {
                guard let record = try? Value(jsonBytes: Array(line)).structValue,
                    let sequence = record["sequence"]?.intValue
                else { continue }
                latest[sequence] = record
            }
            for record in latest.values {
                let count = Int(record["rowCount"]?.intValue ?? 0)
                if leaves.contains(step) { rows += count }
                if record["status"]?.stringValue == "failed" { failed += count }
            }
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: managerFile.path)
        return Entry(
            name: name, signature: signature, directory: directory,
            status: summary?.structValue?["status"]?.stringValue ?? "unknown", stepsFinished: finished,
            stepCount: steps.count, rowsSaved: rows, failedRows: failed, bytes: Self.size(of: directory),
            lastRun: attributes?[.modificationDate] as? Date)
    }

    static func size(of directory: URL) -> Int64 {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return 0 }
        var total: Int64 = 0
        while let path = enumerator.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory.path + "/" + path)
            if attributes?[.type] as? FileAttributeType == .typeRegular {
                total += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
            }
        }
        return total
    }

    static func formatSize(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
