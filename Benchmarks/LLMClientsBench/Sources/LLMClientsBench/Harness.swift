import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Command-line options of the benchmark.
struct Options {
    var concurrencies = [64, 512]
    var rows = 10_000
    var latencyMilliseconds = 50
    var replicas = 2
    /// Rows per input batch of the generating step; `nil`: the in-flight limit (each replica's batch alone could
    /// fill it, so the other replica's requests fill in while one batch waits for its slowest answer).
    var batch: Int?
    /// Where the Swift run keeps batches and LLM answers (see `SwiftClientRun.store`).
    var store = "durable"
    var serverThreads = 2
    var inProcess = false
    /// The test tools' Python (`.venv-tools` at the repository root), unless `--python` says another.
    var python: String? = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../../.venv-tools/bin/python").standardized.path
    var pythonTimeout = 600
    var port = 0

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw UsageError(message: "\(name) needs a value") }
            return next
        }
        func int(_ name: String) throws -> Int {
            let text = try value(name)
            guard let number = Int(text) else { throw UsageError(message: "\(name): '\(text)' is not a number") }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--concurrency":
                concurrencies = try value(argument).split(separator: ",").compactMap { Int($0) }
            case "--rows": rows = try int(argument)
            case "--latency-ms": latencyMilliseconds = try int(argument)
            case "--replicas": replicas = try int(argument)
            case "--batch": batch = try int(argument)
            case "--store":
                store = try value(argument)
                guard ["durable", "responses", "memory"].contains(store) else {
                    throw UsageError(message: "--store: '\(store)' is not durable, responses or memory")
                }
            case "--server-threads": serverThreads = try int(argument)
            case "--port": port = try int(argument)
            case "--in-process": inProcess = true
            case "--python": python = try value(argument)
            case "--no-python": python = nil
            case "--python-timeout": pythonTimeout = try int(argument)
            default: throw UsageError(message: "unknown option '\(argument)'")
            }
        }
    }
}

/// A command-line mistake.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    var description: String {
        """
        LLMClientsBench: \(message)
        usage: LLMClientsBench [--concurrency 64,512] [--rows N] [--latency-ms 50] [--replicas 2] [--batch N] [--store durable|responses|memory]
                               [--in-process]
                               [--python PATH | --no-python] [--python-timeout S] [--server-threads 2]
               LLMClientsBench serve --port P --latency-ms 50 [--server-threads 2]
        """
    }
}

/// The server's request count and CPU seconds, from `GET /stats`.
func serverStats(port: Int) async throws -> (requests: Int, cpu: Double) {
    let url = URL(string: "http://127.0.0.1:\(port)/stats")!
    let (data, _) = try await URLSession.shared.data(from: url)
    let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
    guard fields.count == 2, let requests = Int(fields[0]), let cpu = Double(fields[1]) else {
        throw UsageError(message: "the server's /stats answer is not 'requests cpu'")
    }
    return (requests, cpu)
}

/// The 1, 5 and 15 minute load averages.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

/// Runs a child process; returns its standard output, exit status and wall seconds measured from outside.
func runChild(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil
) throws -> (
    output: String, status: Int32, wall: Double
) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    let start = ContinuousClock.now
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let wall = (ContinuousClock.now - start) / .seconds(1)
    return (String(decoding: data, as: UTF8.self), process.terminationStatus, wall)
}

/// The `key=value` fields of the line of `output` that starts with `RESULT`.
func resultFields(_ output: String) -> [String: String]? {
    guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT") }) else { return nil }
    var fields: [String: String] = [:]
    for pair in line.split(separator: " ").dropFirst() {
        let parts = pair.split(separator: "=", maxSplits: 1)
        if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
    }
    return fields
}
