import DistilabelCore
import Foundation

/// One input file of ``LoadDataFromFileSystem``, indexed when the step loads: how many rows it holds, and any range
/// of them on demand, the same rows whichever ranges are asked for and in whatever order.
protocol IndexedDataFile: Sendable {
    /// The rows the file holds (at most the limit it was indexed with).
    var rowCount: Int { get }

    /// The rows in `range`, which lies within ``rowCount``.
    func rows(in range: Range<Int>) throws -> [Row]

    /// Lets go of what reading kept for the next batches (decoded Parquet row groups).
    func release()
}

extension IndexedDataFile {
    func release() {}
}

extension LoadDataFromFileSystem {
    /// Indexes the file at `path` in `format` (else its extension's), keeping at most `limit` rows.
    static func index(_ path: String, format: Format?, limit: Int?) throws -> any IndexedDataFile {
        let resolvedFormat = format ?? Format(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
        switch resolvedFormat {
        case .jsonl: return try JSONLinesFile(path: path, limit: limit)
        case .csv: return try CSVFile(path: path, limit: limit)
        case .json: return try JSONArrayFile(path: path, limit: limit)
        case .parquet: return try ParquetDataFile(path: path, limit: limit)
        case nil: throw FileSystemDataError.unknownFormat(path: path)
        }
    }
}
