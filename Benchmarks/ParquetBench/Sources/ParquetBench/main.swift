import Foundation
import Parquet

// Writes and reads `rows` LLM-shaped rows (Snappy, one thread), prints MB/s and rows/s, then runs pyarrow and
// fastparquet on the same rows (bench_python.py, with the repository's .venv-tools Python) and prints the ratios.

// usage: ParquetBench [rows] [all|write|swift]   ("write" skips reading and the Python comparison, "swift" only the
// Python comparison: both are for profiling)
let rowCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let mode = CommandLine.arguments.dropFirst(2).first ?? "all"
let writeOnly = mode == "write"
let batchSize = 50_000
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let work = packageRoot.deletingLastPathComponent().appendingPathComponent(".work")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
let file = work.appendingPathComponent("swift.parquet")

/// Wall-clock and CPU time (of this process) since `start`: on a shared machine CPU time is the steadier figure.
struct Stopwatch {
    var wall = ContinuousClock.now
    var cpu = Stopwatch.cpuNow()

    static func cpuNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    func elapsed() -> (wall: Double, cpu: Double) {
        let duration = ContinuousClock.now - wall
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return (seconds, Stopwatch.cpuNow() - cpu)
    }
}

// Write: rows are generated in batches; generation time is measured and subtracted. The schema is explicit, so
// row groups stream; the last one is encoded when the body returns, which is inside the measured call.
let writeWatch = Stopwatch()
let generation = try ParquetFileWriter.write(to: file, schema: LLMRows.schema) { writer in
    var generation = (wall: 0.0, cpu: 0.0)
    var next = 0
    var batch: [ParquetRecord] = []
    func timeGeneration(_ work: () -> Void) {
        let watch = Stopwatch()
        work()
        let spent = watch.elapsed()
        generation.wall += spent.wall
        generation.cpu += spent.cpu
    }
    while next < rowCount {
        // Freeing the previous batch counts as generation too: it is the benchmark's cost, not the writer's.
        timeGeneration {
            batch = []
            batch = (next..<min(rowCount, next + batchSize)).map(LLMRows.row)
        }
        try writer.write(rows: batch)
        next += batch.count
    }
    timeGeneration { batch = [] }
    return generation
}
let total = writeWatch.elapsed()
let writeTime = (wall: total.wall - generation.wall, cpu: total.cpu - generation.cpu)
let fileSize = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
var table = ResultTable(rows: rowCount)
table.writes.append(
    Measurement(label: "swift: [ParquetRecord] -> file", wall: writeTime.wall, cpu: writeTime.cpu, bytes: fileSize))
if writeOnly {
    print(table.render())
    exit(0)
}

let readWatch = Stopwatch()
var readRows = 0
let reader = try ParquetFileReader(path: file.path)
for group in 0..<reader.rowGroupCount { readRows += try reader.readRows(rowGroup: group).count }
let readTime = readWatch.elapsed()
precondition(readRows == rowCount, "read \(readRows) rows, wrote \(rowCount)")
table.reads.append(
    Measurement(label: "swift: file -> [ParquetRecord]", wall: readTime.wall, cpu: readTime.cpu, bytes: fileSize))

// The column-oriented read: every leaf column into typed arrays and levels, no rows (what pyarrow's read_table
// does before to_pylist).
let columnWatch = Stopwatch()
var columnValues = 0
for group in 0..<reader.rowGroupCount {
    for path in reader.leafColumnPaths { columnValues += try reader.readColumn(rowGroup: group, path: path).entryCount }
}
let columnTime = columnWatch.elapsed()
precondition(columnValues >= rowCount, "read \(columnValues) column entries for \(rowCount) rows")
table.reads.append(
    Measurement(label: "swift: file -> typed columns", wall: columnTime.wall, cpu: columnTime.cpu, bytes: fileSize))

// PARQUET_BENCH_PYTHON names another Python with pyarrow and fastparquet (Benchmarks/compare.sh passes its own).
let python =
    ProcessInfo.processInfo.environment["PARQUET_BENCH_PYTHON"].map { URL(fileURLWithPath: $0) }
    ?? packageRoot.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        ".venv-tools/bin/python")
guard mode == "all" else {
    print(table.render())
    exit(0)
}
guard FileManager.default.isExecutableFile(atPath: python.path) else {
    print(table.render())
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
let lines = output.split(separator: UInt8(ascii: "\n"))
for line in lines.dropLast() { print(String(decoding: line, as: UTF8.self)) }
let figures =
    (try? JSONSerialization.jsonObject(with: lines.last ?? Data()) as? [String: Double]) ?? [:]
func measured(_ label: String, _ key: String, bytes: String) -> Measurement? {
    guard let cpu = figures[key + "_cpu"] else { return nil }
    return Measurement(label: label, wall: figures[key + "_wall"], cpu: cpu, bytes: Int(figures[bytes] ?? 0))
}
let pyarrowWrite = measured("pyarrow: Arrow table -> file", "pyarrow_write", bytes: "pyarrow_bytes")
table.writes += [pyarrowWrite].compactMap { $0 }
if var fromDicts = pyarrowWrite, let building = figures["pyarrow_from_pylist_cpu"] {
    fromDicts.label = "pyarrow: from_pylist(dicts) + write (cpu only)"
    fromDicts.wall = nil
    fromDicts.cpu += building
    table.writes.append(fromDicts)
}
table.writes += [
    measured("fastparquet: pandas (nested as JSON) -> file", "fastparquet_write", bytes: "fastparquet_bytes")
]
.compactMap { $0 }
table.reads += [
    measured("pyarrow: file -> Arrow table", "pyarrow_read", bytes: "pyarrow_bytes"),
    measured("pyarrow: file -> Arrow -> to_pylist (dicts)", "pyarrow_read_plus_to_pylist", bytes: "pyarrow_bytes"),
    measured("pyarrow: our file -> Arrow -> to_pylist", "pyarrow_read_swift_file", bytes: "swift_bytes"),
    measured("fastparquet: file -> pandas (nested as JSON)", "fastparquet_read", bytes: "fastparquet_bytes"),
].compactMap { $0 }
print(table.render())
