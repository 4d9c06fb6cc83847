// Rows/s and peak RSS of `LoadDataFromDicts(N) >> no-op >> KeepColumns`, with the durable cache and with the
// in-memory store; resume and finished-run reload times. Each measurement runs in a child process of its own so
// that peak RSS is that run's.
//
//   swift run -c release --package-path Benchmarks/EngineBench EngineBench            # the whole table
//   EngineBench one <rows> <batch> <cache|memory|none> <cache dir>                     # one measurement
//   EngineBench segments <rows>                  # the cache's segment writer alone (SEGMENT_TABLE=id+text|LLM-shaped)
import Distilabel
import Foundation
import Logging

/// User plus system CPU seconds of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func makePipeline(rows: Int, batch: Int, cacheDirectory: String) throws -> Pipeline {
    let columns = ["id", "text"]
    // The rows are built lazily into LoadDataFromDicts's column store: they never exist in memory all at once.
    let data = (0..<rows).lazy.map { Row(columns: columns, values: [.int(Int64($0)), .string("row \($0)")]) }
    return try Pipeline(name: "engine-bench-\(rows)-\(batch)", cacheDirectory: cacheDirectory) { p in
        let load = p.add(LoadDataFromDicts(rows: data), name: "load", batchSize: batch)
        let noop = p.add(ClosureStep(typeName: "NoOp") { rows, _ in rows }, name: "noop", inputBatchSize: batch)
        let keep = p.add(KeepColumns(["id", "text"]), name: "keep", inputBatchSize: batch)
        load >>> noop >>> keep
    }
}

func measureOne(rows: Int, batch: Int, mode: String, cacheDirectory: String) async throws {
    var logger = Logger(label: "bench")
    logger.logLevel = .error
    let pipeline = try makePipeline(rows: rows, batch: batch, cacheDirectory: cacheDirectory)
    let inputMegabytes = peakRSSMegabytes()
    let options = RunOptions(collectLeafRows: false, logger: logger)
    let start = ContinuousClock.now
    let startCPU = cpuSeconds()
    let output: PipelineOutput
    if mode == "none" {
        // `run()` with its default store, which keeps nothing.
        output = try await pipeline.run(options: options)
    } else if mode == "memory" {
        // The in-memory store keeps every step's batches, as the cache does (the comparison issue 4 asks for).
        output = try await pipeline.run(store: InMemoryExecutionStore(), options: options)
    } else {
        output = try await pipeline.runWithCache(options: options)
    }
    let seconds = (ContinuousClock.now - start) / .seconds(1)
    let count = output.leafRowCounts["keep"] ?? 0
    print(
        String(
            format: "RESULT %d %d %@ %.3f %.0f %.1f %.1f %.3f", rows, batch, mode, seconds, Double(count) / seconds,
            peakRSSMegabytes(), inputMegabytes, cpuSeconds() - startCPU))
}

func child(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "one", arguments.count == 5, let rows = Int(arguments[1]), let batch = Int(arguments[2]) {
    try await measureOne(rows: rows, batch: batch, mode: arguments[3], cacheDirectory: arguments[4])
    exit(0)
}

if arguments.first == "segments", arguments.count == 2, let rows = Int(arguments[1]) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("segment-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try measureSegmentWriting(rows: rows, directory: directory)
    exit(0)
}

let sizes = arguments.compactMap(Int.init).isEmpty ? [10_000, 100_000, 1_000_000] : arguments.compactMap(Int.init)
let root = FileManager.default.temporaryDirectory.appendingPathComponent("engine-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: root) }
print("LoadDataFromDicts(N) >> no-op >> KeepColumns, \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("rows       batch  store    seconds  CPU s    rows/s   peak RSS MB  (of which before the run: input rows)")
for rows in sizes {
    for batch in [50, 1000] {
        for mode in ["memory", "cache"] {
            let cache = root.appendingPathComponent("\(rows)-\(batch)-\(mode)").path
            let line = try child(["one", String(rows), String(batch), mode, cache])
            guard let result = line.split(separator: "\n").first(where: { $0.hasPrefix("RESULT") }) else {
                print("\(rows) \(batch) \(mode): failed: \(line)")
                continue
            }
            let f = result.split(separator: " ")
            print(
                "\(f[1].padding(toLength: 10, withPad: " ", startingAt: 0)) \(f[2].padding(toLength: 6, withPad: " ", startingAt: 0)) \(f[3].padding(toLength: 8, withPad: " ", startingAt: 0)) \(f[4].padding(toLength: 8, withPad: " ", startingAt: 0)) \(f[8].padding(toLength: 8, withPad: " ", startingAt: 0)) \(f[5].padding(toLength: 9, withPad: " ", startingAt: 0)) \(f[6].padding(toLength: 12, withPad: " ", startingAt: 0)) (\(f[7]))"
            )
            if mode == "cache" && rows == 100_000 && batch == 50 {
                // Re-running the finished pipeline: the reload time of a finished run.
                let again = try child(["one", String(rows), String(batch), mode, cache])
                if let r = again.split(separator: "\n").first(where: { $0.hasPrefix("RESULT") }) {
                    print("  finished-run reload of 100k rows: \(r.split(separator: " ")[4]) s")
                }
                // A run killed (SIGKILL) halfway, then resumed: the resume's time to the end.
                let killed = root.appendingPathComponent("\(rows)-\(batch)-killed").path
                let resume = try measureResume(rows: rows, batch: batch, cacheDirectory: killed)
                print(
                    String(
                        format: "  resume of 100k rows after kill -9 with %.0f%% saved: %.3f s",
                        resume.savedShare * 100,
                        resume.seconds))
            }
        }
    }
}
