public import DistilabelCore
import DistilabelDataFiles
public import Foundation
import Parquet

/// Reads the rows a cached execution saved for its leaf steps.
public enum LeafData {
    /// The Parquet files of `data/<leaf>/`, in name order (generator order).
    public static func files(executionDirectory: URL, leaf: String) throws -> [URL] {
        let folder = executionDirectory.appendingPathComponent("data/\(leaf)", isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names.filter { $0.hasSuffix(".parquet") && !$0.hasPrefix(".") }.sorted().map {
            folder.appendingPathComponent($0)
        }
    }

    /// Every row of `data/<leaf>/`, in generator order.
    public static func rows(executionDirectory: URL, leaf: String) throws -> [Row] {
        var rows: [Row] = []
        for file in try files(executionDirectory: executionDirectory, leaf: leaf) {
            do {
                rows.append(contentsOf: try ParquetFileReader(path: file.path).readAllRows().map(ValueConversion.row))
            } catch {
                throw CacheError.corruptFile(path: file.path, reason: "\(error)")
            }
        }
        return rows
    }
}
