import DistilabelCore
import Parquet

/// Reads a Parquet file's rows (any writer's: pyarrow, polars, duckdb, Hugging Face `datasets`, ours), converted to
/// engine values by ``ValueConversion``, row group by row group so that a `limit` reads only what it needs.
enum ParquetDataReader {
    static func rows(path: String, limit: Int?) throws -> [Row] {
        do {
            let reader = try ParquetFileReader(path: path)
            var rows: [Row] = []
            rows.reserveCapacity(min(limit ?? reader.rowCount, reader.rowCount))
            for group in 0..<reader.rowGroupCount {
                if let limit, rows.count >= limit { break }
                for record in try reader.readRows(rowGroup: group) {
                    if let limit, rows.count >= limit { break }
                    rows.append(ValueConversion.row(record))
                }
            }
            return rows
        } catch let error as ParquetError {
            throw FileSystemDataError.invalid(path: path, line: nil, reason: "not a readable Parquet file: \(error)")
        }
    }
}
