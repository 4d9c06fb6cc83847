import Foundation
import Testing

/// Runs the built `distilabel` executable as a child process.
enum CLIProcess {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let testsFolder = packageRoot.appendingPathComponent("Tests/DistilabelCLITests")

    static var executable: URL { product("distilabel") }

    /// An executable product built beside the test bundle.
    static func product(_ name: String) -> URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Whether the executable is built; records an issue when it is not.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if FileManager.default.isExecutableFile(atPath: executable.path) { return true }
        Issue.record("build the distilabel product first (swift build)", sourceLocation: sourceLocation)
        return false
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts the executable; the caller waits.
    static func launch(
        _ arguments: [String], environment: [String: String] = [:], program: URL = executable
    ) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["DISTILABEL_PROGRESS_INTERVAL"] = "0.2"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs to completion and returns the exit status and both outputs.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], program: URL = executable
    ) throws -> Outcome {
        let (process, out, err) = try launch(arguments, environment: environment, program: program)
        return finish(process, out, err)
    }

    static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Outcome {
        let errors = Collector(err.fileHandleForReading)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: errors.text())
    }

    /// Drains a pipe on a background thread.
    final class Collector: @unchecked Sendable {  // `lock` guards `data`.
        private let lock = NSLock()
        private var data = Foundation.Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                let all = handle.readDataToEndOfFile()
                lock.withLock { data = all }
                done.signal()
            }
        }

        func text() -> String {
            done.wait()
            return lock.withLock { String(decoding: data, as: UTF8.self) }
        }
    }
}

/// Compares `text` with a golden file under `Tests/DistilabelCLITests/Golden/`; `UPDATE_GOLDEN=1` rewrites it.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = CLIProcess.testsFolder.appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try Foundation.Data(text.utf8).write(to: url)
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    #expect(text == golden, "differs from Golden/\(name) (UPDATE_GOLDEN=1 rewrites it)", sourceLocation: sourceLocation)
}
