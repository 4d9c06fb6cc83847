import Foundation
import Parquet
import Testing

/// Reads the largest fixtures (or `PARQUET_BENCH_FILE`) and reports rows per second. The timing is printed, never
/// asserted (the machine is shared); the row counts are.
@Suite struct ReadThroughputTests {
    static var files: [String] {
        var files = [
            "parquet-testing/alltypes_tiny_pages_plain.parquet", "parquet-testing/overflow_i16_page_cnt.parquet",
            "parquet-testing/lz4_raw_compressed_larger.parquet",
        ].map { Fixtures.root.appendingPathComponent($0).path }
        if let extra = ProcessInfo.processInfo.environment["PARQUET_BENCH_FILE"] { files.append(extra) }
        return files
    }

    @Test(arguments: files)
    func reportsReadThroughput(path: String) throws {
        let clock = ContinuousClock()
        var rows = 0
        let reader = try ParquetFileReader(path: path)
        let elapsed = try clock.measure {
            for group in 0..<reader.rowGroupCount { rows += try reader.readRows(rowGroup: group).count }
        }
        #expect(rows == reader.rowCount)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(
            "read \((path as NSString).lastPathComponent): \(rows) rows, \(size) bytes in "
                + "\(String(format: "%.3f", seconds)) s = \(Int(Double(rows) / max(seconds, 1e-9))) rows/s, "
                + "\(String(format: "%.1f", Double(size) / 1e6 / max(seconds, 1e-9))) MB/s")
    }
}
