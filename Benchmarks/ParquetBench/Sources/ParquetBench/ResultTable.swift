import Foundation

/// One measured operation: its wall-clock and CPU seconds and the size of the file it wrote or read.
struct Measurement {
    var label: String
    var wall: Double?
    var cpu: Double
    var bytes: Int
}

/// Prints measurements as a table of seconds, MB/s and rows/s (both from CPU time, the steadier figure on a shared
/// machine) and the ratio of our CPU time to each one's.
struct ResultTable {
    let rows: Int
    var writes: [Measurement] = []
    var reads: [Measurement] = []

    func render() -> String {
        var lines = [
            "rows: \(rows), Snappy, one thread; MB/s and rows/s use CPU time and each library's own file size;",
            "ratio = our CPU time / theirs (below 1.0: we are faster)",
            "",
            pad("operation", 46) + lpad("file MiB", 9) + lpad("wall s", 9) + lpad("cpu s", 9) + lpad("MB/s", 9)
                + lpad("rows/s", 11) + lpad("ratio", 8),
        ]
        for (title, group) in [("write", writes), ("read", reads)] {
            lines.append("-- \(title)")
            let ours = group.first?.cpu ?? 0
            for item in group {
                let mib = Double(item.bytes) / 1_048_576
                lines.append(
                    pad(item.label, 46) + lpad(String(format: "%.1f", mib), 9)
                        + lpad(item.wall.map { String(format: "%.2f", $0) } ?? "-", 9)
                        + lpad(String(format: "%.2f", item.cpu), 9) + lpad(String(format: "%.1f", mib / item.cpu), 9)
                        + lpad(String(format: "%.0f", Double(rows) / item.cpu), 11)
                        + lpad(String(format: "%.2fx", ours / item.cpu), 8))
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
