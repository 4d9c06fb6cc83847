import DistilabelCore
import Parquet
import Synchronization

/// A Parquet file (any writer's: pyarrow, polars, duckdb, Hugging Face `datasets`, ours), converted to engine values
/// by ``ValueConversion``.
///
/// Loading reads only the footer: the row count of each row group. A batch decodes the row groups that hold its
/// rows and keeps them for the next batch, which usually falls in the same group; groups that the latest batch did
/// not touch are dropped, so memory stays bounded by the groups of one batch.
struct ParquetDataFile: IndexedDataFile {
    let path: String
    /// The first row of each row group, then the row count (the limit applied).
    let groupStarts: [Int]
    private let decoded = Decoded()

    /// The decoded row groups kept between batches, by index.
    final class Decoded: Sendable {
        let groups = Mutex<[Int: [Row]]>([:])
    }

    init(path: String, limit: Int?) throws {
        self.path = path
        let reader = try Self.open(path)
        var starts = [0]
        for group in reader.metadata.rowGroups {
            let total = starts[starts.count - 1]
            if let limit, total >= limit { break }
            starts.append(total + Int(group.numRows))
        }
        if let limit, starts[starts.count - 1] > limit { starts[starts.count - 1] = limit }
        groupStarts = starts
    }

    var rowCount: Int { groupStarts[groupStarts.count - 1] }

    func rows(in range: Range<Int>) throws -> [Row] {
        guard !range.isEmpty else { return [] }
        var first = 0
        while groupStarts[first + 1] <= range.lowerBound { first += 1 }
        var last = first
        while groupStarts[last + 1] < range.upperBound { last += 1 }
        return try decoded.groups.withLock { kept in
            var reader: ParquetFileReader?
            var current: [Int: [Row]] = [:]
            var rows: [Row] = []
            rows.reserveCapacity(range.count)
            for group in first...last {
                let groupRows: [Row]
                if let known = kept[group] {
                    groupRows = known
                } else {
                    let opened = try reader ?? Self.open(path)
                    reader = opened
                    do {
                        groupRows = try opened.readRows(rowGroup: group).map(ValueConversion.row)
                    } catch let error as ParquetError {
                        throw FileSystemDataError.invalid(
                            path: path, line: nil, reason: "not a readable Parquet file: \(error)")
                    }
                }
                current[group] = groupRows
                let start = groupStarts[group]
                let local =
                    (max(range.lowerBound, start) - start)..<(min(range.upperBound, groupStarts[group + 1]) - start)
                rows.append(contentsOf: groupRows[local])
            }
            kept = current
            return rows
        }
    }

    func release() {
        decoded.groups.withLock { $0 = [:] }
    }

    private static func open(_ path: String) throws -> ParquetFileReader {
        do { return try ParquetFileReader(path: path) } catch let error as ParquetError {
            throw FileSystemDataError.invalid(path: path, line: nil, reason: "not a readable Parquet file: \(error)")
        }
    }
}
