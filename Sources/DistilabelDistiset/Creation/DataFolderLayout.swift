import DistilabelCache
import DistilabelCore
import DistilabelDataFiles
import Foundation
import Parquet

/// Where the leaf folders of a pipeline's data folder are, in any layout ``createDistiset(dataDirectory:pipelinePath:logFilenamePath:enableMetadata:)``
/// reads.
struct DataFolderLayout {
    /// The folder holding one folder per leaf step.
    var leafRoot: URL
    /// The folders where `pipeline.yaml` and `pipeline.log` may be, in order of preference.
    var sideFolders: [URL]

    init(dataDirectory: URL) throws {
        let data = dataDirectory.standardizedFileURL
        guard Self.isDirectory(data) else { throw DistisetError.missingDataDirectory(path: data.path) }
        let stepsOutputs = data.appendingPathComponent("steps_outputs", isDirectory: true)
        let nestedData = data.appendingPathComponent("data", isDirectory: true)
        if Self.isDirectory(stepsOutputs) {
            leafRoot = stepsOutputs
            sideFolders = [data.deletingLastPathComponent(), data]
        } else if Self.isDirectory(nestedData), Self.isExecutionFolder(data) {
            // The execution folder itself.
            self = try DataFolderLayout(dataDirectory: nestedData)
        } else {
            leafRoot = data
            sideFolders = [data.deletingLastPathComponent(), data]
        }
    }

    /// The leaf folder names, sorted.
    func leafNames() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: leafRoot.path)
        return names.filter { !$0.hasPrefix(".") && Self.isDirectory(leafRoot.appendingPathComponent($0)) }.sorted()
    }

    /// A leaf's Parquet files in generator order: numeric names by number, then other names by name.
    func parquetFiles(leaf: String) throws -> [URL] {
        try Self.parquetFiles(in: leafRoot.appendingPathComponent(leaf, isDirectory: true))
    }

    /// `name` in the first side folder that has it.
    func sideFile(_ name: String) -> URL? {
        sideFolders.map { $0.appendingPathComponent(name) }.first {
            FileManager.default.fileExists(atPath: $0.path)
        }
    }

    static func parquetFiles(in folder: URL) throws -> [URL] {
        guard isDirectory(folder) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".parquet") && !$0.hasPrefix(".")
        }
        return names.sorted { left, right in
            let leftNumber = Int(left.dropLast(".parquet".count))
            let rightNumber = Int(right.dropLast(".parquet".count))
            switch (leftNumber, rightNumber) {
            case (let l?, let r?): return l != r ? l < r : left < right
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left < right
            }
        }.map { folder.appendingPathComponent($0) }
    }

    /// Every row of `files` in order, without the `distilabel_metadata` column when `dropMetadata`.
    static func readRows(_ files: [URL], dropMetadata: Bool) throws -> [Row] {
        var rows: [Row] = []
        for file in files {
            let records: [ParquetRecord]
            do {
                records = try ParquetFileReader(path: file.path).readAllRows()
            } catch {
                throw DistisetError.unreadableFile(path: file.path, reason: "\(error)")
            }
            rows.reserveCapacity(rows.count + records.count)
            for record in records {
                var row = ValueConversion.row(record)
                if dropMetadata { row.removeValue(forColumn: DistisetFileNames.metadataColumn) }
                rows.append(row)
            }
        }
        return rows
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether `folder` is a pipeline execution (it has `batch_manager.json` or `pipeline.yaml`, or no leaf folder
    /// of its own besides `data`).
    private static func isExecutionFolder(_ folder: URL) -> Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent("batch_manager.json").path)
            || manager.fileExists(atPath: folder.appendingPathComponent(DistisetFileNames.pipelineConfig).path)
        {
            return true
        }
        let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        return !names.contains { name in
            let child = folder.appendingPathComponent(name, isDirectory: true)
            return name != "data" && isDirectory(child) && !((try? parquetFiles(in: child)) ?? []).isEmpty
        }
    }
}
