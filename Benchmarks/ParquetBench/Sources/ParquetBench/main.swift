import Foundation
import Parquet

// Writes and reads `rows` LLM-shaped rows (Snappy, one thread), prints MB/s and rows/s, then runs pyarrow and
// fastparquet on the same rows (bench_python.py, with the repository's .venv-tools Python) and prints the ratios.

// usage: ParquetBench [rows] [all|write]   ("write" skips reading and the Python comparison, for profiling)
let rowCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let writeOnly = CommandLine.arguments.dropFirst(2).first == "write"
let batchSize = 50_000
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let work = packageRoot.deletingLastPathComponent().appendingPathComponent(".work")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
let file = work.appendingPathComponent("swift.parquet")

func seconds(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func report(_ label: String, rows: Int, bytes: Int, seconds: Double) {
    let mb = Double(bytes) / 1_048_576
    let padded = label.padding(toLength: 30, withPad: " ", startingAt: 0)
    print(padded + String(format: "%7.2f s  %8.1f MB/s  %10.0f rows/s", seconds, mb / seconds, Double(rows) / seconds))
}

// Write: rows are generated in batches outside the timed sections; the schema is explicit, so row groups stream.
var writeTime = 0.0
try ParquetFileWriter.write(to: file, schema: LLMRows.schema) { writer in
    var next = 0
    while next < rowCount {
        let batch = (next..<min(rowCount, next + batchSize)).map(LLMRows.row)
        let start = ContinuousClock.now
        try writer.write(rows: batch)
        writeTime += seconds(start)
        next += batch.count
    }
    print("rows generated; finishing")
}
let fileSize = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
print("file: \(file.path), \(fileSize / 1_048_576) MiB, \(rowCount) rows")
report("swift write (snappy)", rows: rowCount, bytes: fileSize, seconds: writeTime)
let writeAll = writeTime
if writeOnly { exit(0) }

let readStart = ContinuousClock.now
var readRows = 0
let reader = try ParquetFileReader(path: file.path)
for group in 0..<reader.rowGroupCount { readRows += try reader.readRows(rowGroup: group).count }
let readTime = seconds(readStart)
precondition(readRows == rowCount, "read \(readRows) rows, wrote \(rowCount)")
report("swift read", rows: rowCount, bytes: fileSize, seconds: readTime)

let python = packageRoot.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
    ".venv-tools/bin/python")
guard FileManager.default.isExecutableFile(atPath: python.path) else {
    print("no \(python.path): run Scripts/bootstrap-test-tools for the pyarrow/fastparquet comparison")
    exit(0)
}
let process = Process()
process.executableURL = python
process.arguments = [packageRoot.appendingPathComponent("bench_python.py").path, "\(rowCount)", work.path]
let pipe = Pipe()
process.standardOutput = pipe
try process.run()
let output = pipe.fileHandleForReading.readDataToEndOfFile()
process.waitUntilExit()
print(String(decoding: output, as: UTF8.self), terminator: "")
if let figures = try? JSONSerialization.jsonObject(with: output.split(separator: UInt8(ascii: "\n")).last ?? Data())
    as? [String: Double]
{
    for (key, value) in figures.sorted(by: { $0.key < $1.key }) where key.hasSuffix("_write") || key.hasSuffix("_read")
    {
        let ours = key.hasSuffix("_write") ? writeAll : readTime
        let padded = key.padding(toLength: 30, withPad: " ", startingAt: 0)
        print("time ratio swift / " + padded + String(format: "%.2fx", ours / value))
    }
}
