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

func report(_ label: String, rows: Int, bytes: Int, time: (wall: Double, cpu: Double)) {
    let mb = Double(bytes) / 1_048_576
    let padded = label.padding(toLength: 32, withPad: " ", startingAt: 0)
    print(
        padded
            + String(
                format: "wall %7.2f s  cpu %7.2f s  %7.1f MB/s  %9.0f rows/s (cpu)", time.wall, time.cpu,
                mb / time.cpu, Double(rows) / time.cpu))
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
print("file: \(file.path), \(fileSize / 1_048_576) MiB, \(rowCount) rows")
report("swift write (snappy)", rows: rowCount, bytes: fileSize, time: writeTime)
if writeOnly { exit(0) }

let readWatch = Stopwatch()
var readRows = 0
let reader = try ParquetFileReader(path: file.path)
for group in 0..<reader.rowGroupCount { readRows += try reader.readRows(rowGroup: group).count }
let readTime = readWatch.elapsed()
precondition(readRows == rowCount, "read \(readRows) rows, wrote \(rowCount)")
report("swift read (to ParquetRecord)", rows: rowCount, bytes: fileSize, time: readTime)

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
    for (key, value) in figures.sorted(by: { $0.key < $1.key }) where key.hasSuffix("_cpu") {
        let ours = key.contains("read") ? readTime.cpu : writeTime.cpu
        let padded = key.padding(toLength: 40, withPad: " ", startingAt: 0)
        print("cpu-time ratio swift / " + padded + String(format: "%.2fx", ours / value))
    }
}
