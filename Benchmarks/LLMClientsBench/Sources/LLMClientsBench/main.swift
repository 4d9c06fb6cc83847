// 10,000 chat completions through `LoadDataFromDicts >> TextGeneration(OpenAILLM)` against a local
// OpenAI-compatible server with a fixed latency, at 64 and 512 requests in flight, against the ideal
// rows × latency / in-flight; then the same with Python distilabel 1.5.3's OpenAILLM.
//
//   LLMClientsBench [--concurrency 64,512] [--rows 10000] [--latency-ms 50] [--in-process] [--python PATH]
//   LLMClientsBench serve --port P --latency-ms 50          # the server alone (for wrk)
//   LLMClientsBench client --port P --concurrency C …       # one Swift measurement (run by the main mode)
import Foundation
import NIOCore

/// The Python script beside this package's Package.swift.
let pythonScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "../../bench_distilabel.py"
).standardized.path

var arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first.map { ["serve", "client"].contains($0) ? $0 : "main" } ?? "main"
if mode != "main" { arguments.removeFirst() }
let options: Options
do { options = try Options(arguments) } catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
let latency = TimeAmount.milliseconds(Int64(options.latencyMilliseconds))

switch mode {
case "serve":
    let server = try await BenchServer(port: options.port, latency: latency, threads: options.serverThreads)
    FileHandle.standardOutput.write(Data("PORT \(server.port)\n".utf8))
    while true { try await Task.sleep(for: .seconds(3600)) }

case "client":
    var server: BenchServer?
    var port = options.port
    if options.inProcess {
        server = try await BenchServer(port: 0, latency: latency, threads: options.serverThreads)
        port = server!.port
    }
    let concurrency = options.concurrencies.first ?? 64
    let run = SwiftClientRun(
        baseURL: "http://127.0.0.1:\(port)/v1", rows: options.rows, concurrency: concurrency,
        replicas: options.replicas, batch: options.batch, store: options.store)
    let result = try await run.run()
    let served = server?.requests.withLockedValue { $0 } ?? -1
    print("RESULT wall=\(result.wall) cpu=\(result.cpu) generated=\(result.generated) served=\(served)")
    try await server?.shutdown()

default:
    try await runAll(options)
}

/// Starts the server (a child process unless `--in-process`), then measures each concurrency with our client and
/// with Python distilabel.
func runAll(_ options: Options) async throws {
    let me = CommandLine.arguments[0]
    let rows = options.rows
    var serverProcess: Process?
    var port = 0
    if !options.inProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: me)
        process.arguments = [
            "serve", "--port", "0", "--latency-ms", "\(options.latencyMilliseconds)",
            "--server-threads", "\(options.serverThreads)",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { throw UsageError(message: "the server process exited before printing its port") }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let number = text.split(separator: "\n").first.flatMap({ Int($0.dropFirst(5)) }) else {
            throw UsageError(message: "the server process printed '\(text)' instead of its port")
        }
        port = number
        serverProcess = process
    }
    defer { serverProcess?.terminate() }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print(
        "\(rows) rows, server latency \(options.latencyMilliseconds) ms, server "
            + (options.inProcess
                ? "in the client's process" : "in its own process (pid \(serverProcess!.processIdentifier))")
            + " with \(options.serverThreads) event-loop threads, \(cores) cores")
    print(
        "client           in-flight  batch×replicas  wall s  ideal s  ratio    target      server req/s  client CPU s      server CPU s  load"
    )
    for concurrency in options.concurrencies {
        let ideal = Double(rows) * Double(options.latencyMilliseconds) / 1000 / Double(concurrency)
        let target = concurrency <= 64 ? 1.1 : 1.2
        let before = options.inProcess ? (0, 0.0) : try await serverStats(port: port)
        var clientArguments = [
            "client", "--port", "\(port)", "--concurrency", "\(concurrency)", "--rows", "\(rows)", "--replicas",
            "\(options.replicas)", "--latency-ms", "\(options.latencyMilliseconds)",
            "--batch", "\(options.batch ?? concurrency)", "--store", options.store,
            "--server-threads", "\(options.serverThreads)",
        ]
        if options.inProcess { clientArguments.append("--in-process") }
        let child = try runChild(me, clientArguments)
        let after = options.inProcess ? (0, 0.0) : try await serverStats(port: port)
        guard let fields = resultFields(child.output), let wall = Double(fields["wall"] ?? ""),
            let cpu = Double(fields["cpu"] ?? "")
        else {
            print("swift OpenAILLM  \(concurrency): failed (exit \(child.status)): \(child.output)")
            continue
        }
        let served = options.inProcess ? Int(fields["served"] ?? "") ?? 0 : after.0 - before.0
        let batch = options.batch ?? concurrency
        print(
            row(
                "swift OpenAILLM", concurrency, "\(batch)×\(options.replicas)", wall, ideal, target,
                Double(served) / wall, options.inProcess ? "\(format(cpu)) (+server)" : format(cpu),
                options.inProcess ? "-" : format(after.1 - before.1)))
        if let generated = fields["generated"], Int(generated) != rows { print("  only \(generated) rows generated") }
    }
    guard let python = options.python else { return }
    for concurrency in options.concurrencies {
        let ideal = Double(rows) * Double(options.latencyMilliseconds) / 1000 / Double(concurrency)
        let target = concurrency <= 64 ? 1.1 : 1.2
        let before = options.inProcess ? (0, 0.0) : try await serverStats(port: port)
        var environment = ProcessInfo.processInfo.environment
        environment["OPENAI_API_KEY"] = "dummy"
        let cpuBefore = childrenCPUSeconds()
        if options.inProcess {
            print("python distilabel needs the server in its own process: run without --in-process")
            return
        }
        let child = try runChild(
            "/usr/bin/timeout",
            [
                "-k", "5", "\(options.pythonTimeout)", python, pythonScript, "--base-url",
                "http://127.0.0.1:\(port)/v1",
                "--rows", "\(rows)", "--concurrency", "\(concurrency)",
            ], environment: environment)
        let cpu = childrenCPUSeconds() - cpuBefore
        let after = try await serverStats(port: port)
        let served = after.0 - before.0
        if child.status == 124 || child.status == 137 {
            print(
                "python distilabel \(concurrency): TIMEOUT after \(options.pythonTimeout) s "
                    + "(\(served) requests served, \(format(cpu)) s CPU)")
            continue
        }
        let fields = resultFields(child.output) ?? [:]
        print(
            row(
                "python distilabel", concurrency, "\(concurrency)×1", child.wall, ideal, target,
                Double(served) / child.wall, format(cpu), format(after.1 - before.1)))
        print(
            "  python's own run time: \(fields["runtime"] ?? "-") s, rows generated: \(fields["generated"] ?? "-"), "
                + "exit \(child.status)")
    }
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }

func row(
    _ name: String, _ concurrency: Int, _ shape: String, _ wall: Double, _ ideal: Double, _ target: Double,
    _ rate: Double, _ clientCPU: String, _ serverCPU: String
) -> String {
    let ratio = wall / ideal
    let cells = [
        name.padding(toLength: 17, withPad: " ", startingAt: 0),
        "\(concurrency)".padding(toLength: 10, withPad: " ", startingAt: 0),
        shape.padding(toLength: 15, withPad: " ", startingAt: 0),
        format(wall).padding(toLength: 7, withPad: " ", startingAt: 0),
        format(ideal).padding(toLength: 8, withPad: " ", startingAt: 0),
        (format(ratio) + "×").padding(toLength: 8, withPad: " ", startingAt: 0),
        ((ratio <= target ? "≤" : ">") + format(target) + (ratio <= target ? " ok" : " MISS")).padding(
            toLength: 11, withPad: " ", startingAt: 0),
        String(format: "%.0f", rate).padding(toLength: 13, withPad: " ", startingAt: 0),
        clientCPU.padding(toLength: 17, withPad: " ", startingAt: 0),
        serverCPU.padding(toLength: 13, withPad: " ", startingAt: 0),
        loadAverage(),
    ]
    return cells.joined(separator: " ")
}
