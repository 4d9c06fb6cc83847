import Foundation

/// Whether a measurement works on rows (one value per field: our `ParquetRecord`s, Python dicts) or on columns
/// (typed arrays: our `ParquetColumn`s, an Arrow table). Ratios compare like with like.
enum Shape: String {
    case rows, columns
}

/// One measured operation: its wall-clock and CPU seconds and the size of the file it wrote or read.
struct Measurement {
    var label: String
    var shape: Shape
    var wall: Double?
    var cpu: Double
    var bytes: Int
    /// Ours (the baseline of the ratios) or another library's.
    var isOurs = false
}

/// Prints measurements as a table of seconds, MB/s and rows/s (both from CPU time, the steadier figure on a shared
/// machine) and, for other libraries, the ratio of our time to theirs on the same shape (rows or columns) and, for
/// reads, the same file when we read it too.
struct ResultTable {
    let rows: Int
    var writes: [Measurement] = []
    var reads: [Measurement] = []

    func render() -> String {
        var lines = [
            "rows: \(rows), Snappy, one thread; MB/s and rows/s use CPU time and each library's own file size;",
            "ratio = our time / theirs for the same shape (rows with rows, columns with columns) and, for reads, the",
            "same file where we read it too (below 1.0: we are faster). The like-for-like pairs: [ParquetRecord] <->",
            "Python dicts (from_pylist, to_pylist) and [ParquetColumn] <-> an Arrow table (write_table, read_table).",
            "",
            pad("operation", 46) + pad(" shape", 8) + lpad("file MiB", 9) + lpad("wall s", 8) + lpad("cpu s", 8)
                + lpad("MB/s", 8) + lpad("rows/s", 10) + lpad("cpu ratio", 10) + lpad("wall ratio", 11),
        ]
        for (title, group) in [("write", writes), ("read", reads)] {
            lines.append("-- \(title)")
            for item in group {
                let mib = Double(item.bytes) / 1_048_576
                var cpuRatio = "-"
                var wallRatio = "-"
                // Reading the same file when we measured that, else our own file (writes: always our own).
                let candidates = group.filter { $0.isOurs && $0.shape == item.shape }
                if !item.isOurs, let ours = candidates.first(where: { $0.bytes == item.bytes }) ?? candidates.first {
                    cpuRatio = String(format: "%.2fx", ours.cpu / item.cpu)
                    if let theirs = item.wall, let mine = ours.wall {
                        wallRatio = String(format: "%.2fx", mine / theirs)
                    }
                }
                lines.append(
                    pad(item.label, 46) + pad(" " + item.shape.rawValue, 8) + lpad(String(format: "%.1f", mib), 9)
                        + lpad(item.wall.map { String(format: "%.2f", $0) } ?? "-", 8)
                        + lpad(String(format: "%.2f", item.cpu), 8) + lpad(String(format: "%.1f", mib / item.cpu), 8)
                        + lpad(String(format: "%.0f", Double(rows) / item.cpu), 10) + lpad(cpuRatio, 10)
                        + lpad(wallRatio, 11))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    private func lpad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
