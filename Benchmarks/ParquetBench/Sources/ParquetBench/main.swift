import Foundation
import Parquet

// Writes and reads `rows` LLM-shaped rows (Snappy, one thread) both ways — from and to rows ([ParquetRecord]) and
// from and to columns ([ParquetColumn], every leaf, nested ones included) — then runs pyarrow and fastparquet on
// the same rows (bench_python.py, with the repository's .venv-tools Python) and prints the ratios, rows with rows
// (pyarrow's from_pylist + write_table, read_table + to_pylist) and columns with columns (write_table of a built
// Arrow table, read_table).

// usage: ParquetBench [rows] [all|write|columns|swift]   ("write" writes rows only, "columns" skips the read to
// rows and the Python comparison, "swift" only the Python comparison: all three are for profiling)
let rowCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let mode = CommandLine.arguments.dropFirst(2).first ?? "all"
let batchSize = 50_000
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let work = packageRoot.deletingLastPathComponent().appendingPathComponent(".work")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
let file = work.appendingPathComponent("swift.parquet")
if mode == "pyarrow-file" {  // profiling: only our column read of the pyarrow file a previous run left
    let theirs = try ParquetFileReader(path: work.appendingPathComponent("pyarrow.parquet").path)
    let watch = Stopwatch()
    for group in 0..<theirs.rowGroupCount {
        for path in theirs.leafColumnPaths { _ = try theirs.readColumn(rowGroup: group, path: path) }
    }
    print("pyarrow's file -> [ParquetColumn]: cpu \(watch.elapsed().cpu) s")
    exit(0)
}
let columnFile = work.appendingPathComponent("swift-columns.parquet")

func size(of url: URL) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
}

// Write from rows: rows are generated in batches; generation time is measured and subtracted. The schema is
// explicit, so row groups stream; the last one is encoded when the body returns, inside the measured call.
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
var table = ResultTable(rows: rowCount)
table.writes.append(
    Measurement(
        label: "swift: [ParquetRecord] -> file", shape: .rows, wall: total.wall - generation.wall,
        cpu: total.cpu - generation.cpu, bytes: size(of: file), isOurs: true))
if mode == "write" {
    print(table.render())
    exit(0)
}

// Read to rows.
let readWatch = Stopwatch()
var readRows = 0
let reader = try ParquetFileReader(path: file.path)
if mode != "columns" {
    for group in 0..<reader.rowGroupCount { readRows += try reader.readRows(rowGroup: group).count }
    precondition(readRows == rowCount, "read \(readRows) rows, wrote \(rowCount)")
}
let readTime = readWatch.elapsed()

// Read to columns: every leaf column of every row group into typed arrays and levels, kept (as read_table keeps
// its Arrow table).
let columnWatch = Stopwatch()
var rowGroupColumns: [[ParquetColumn]] = []
for group in 0..<reader.rowGroupCount {
    rowGroupColumns.append(try reader.leafColumnPaths.map { try reader.readColumn(rowGroup: group, path: $0) })
}
let columnTime = columnWatch.elapsed()
precondition(
    rowGroupColumns.count == reader.rowGroupCount
        && rowGroupColumns.allSatisfy { $0.count == reader.leafColumnPaths.count })

// Write from columns: the columns just read, one row group each (as write_table writes a built Arrow table).
let columnWriteWatch = Stopwatch()
try ParquetFileWriter.write(to: columnFile, schema: LLMRows.schema) { writer in
    for columns in rowGroupColumns { try writer.write(columns: columns) }
}
let columnWriteTime = columnWriteWatch.elapsed()
rowGroupColumns = []
let columnFileRows = try ParquetFileReader(path: columnFile.path).rowCount
precondition(columnFileRows == rowCount, "the column write holds \(columnFileRows) rows, not \(rowCount)")
table.writes.append(
    Measurement(
        label: "swift: [ParquetColumn] -> file", shape: .columns, wall: columnWriteTime.wall,
        cpu: columnWriteTime.cpu, bytes: size(of: columnFile), isOurs: true))
table.reads += [
    Measurement(
        label: "swift: file -> [ParquetRecord]", shape: .rows, wall: readTime.wall, cpu: readTime.cpu,
        bytes: size(of: file), isOurs: true),
    Measurement(
        label: "swift: file -> [ParquetColumn] (all \(reader.leafColumnPaths.count) leaves)", shape: .columns,
        wall: columnTime.wall,
        cpu: columnTime.cpu, bytes: size(of: file), isOurs: true),
]

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
let figures = try PythonComparison.run(python: python, script: packageRoot.appendingPathComponent("bench_python.py"))
table.writes += figures.writes
table.reads += figures.reads
// Our reader on pyarrow's file (one row group of every row, its own page and dictionary layout).
let pyarrowFile = work.appendingPathComponent("pyarrow.parquet")
if FileManager.default.fileExists(atPath: pyarrowFile.path) {
    let watch = Stopwatch()
    let theirs = try ParquetFileReader(path: pyarrowFile.path)
    var entries = 0
    for group in 0..<theirs.rowGroupCount {
        for path in theirs.leafColumnPaths { entries += try theirs.readColumn(rowGroup: group, path: path).entryCount }
    }
    let time = watch.elapsed()
    precondition(entries >= rowCount)
    table.reads.append(
        Measurement(
            label: "swift: pyarrow's file -> [ParquetColumn]", shape: .columns, wall: time.wall, cpu: time.cpu,
            bytes: size(of: pyarrowFile), isOurs: true))
    let rowWatch = Stopwatch()
    var rows = 0
    for group in 0..<theirs.rowGroupCount { rows += try theirs.readRows(rowGroup: group).count }
    let rowTime = rowWatch.elapsed()
    precondition(rows == rowCount)
    table.reads.append(
        Measurement(
            label: "swift: pyarrow's file -> [ParquetRecord]", shape: .rows, wall: rowTime.wall, cpu: rowTime.cpu,
            bytes: size(of: pyarrowFile), isOurs: true))
}
print(table.render())
