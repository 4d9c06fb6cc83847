import Foundation
import Testing

/// The Python interpreter of `.venv-tools` (installed by `Scripts/bootstrap-test-tools`) and the scripts beside the
/// interop tests.
enum PythonTools {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let python = packageRoot.appendingPathComponent(".venv-tools/bin/python")
    static let scripts = packageRoot.appendingPathComponent("Tests/ParquetTests/Interop")

    /// Whether the tools are installed. When they are not, tests that need them fail under CI (the `CI` variable is
    /// set) and are skipped otherwise.
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: python.path) }

    /// Records an issue when the tools are missing under CI; returns whether a test may use them.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if isAvailable { return true }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record(
                "\(python.path) is missing: run Scripts/bootstrap-test-tools", sourceLocation: sourceLocation)
        } else {
            print("skipped: \(python.path) is missing (run Scripts/bootstrap-test-tools)")
        }
        return false
    }

    /// Runs `script` (a file under `Tests/ParquetTests/Interop/`) with `arguments` and returns its standard output.
    static func run(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = python
        process.arguments = [scripts.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes before waiting so that a chatty script cannot fill one and block.
        let errorData = ErrorCollector(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(script: script, status: process.terminationStatus, stderr: errorData.text())
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct ToolFailure: Error, CustomStringConvertible {
        var script: String
        var status: Int32
        var stderr: String
        var description: String { "\(script) exited with \(status):\n\(stderr)" }
    }

    /// Drains a pipe on a background thread.
    final class ErrorCollector: @unchecked Sendable {  // `lock` guards `data`.
        private let lock = NSLock()
        private var data = Foundation.Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                let read = handle.readDataToEndOfFile()
                self.lock.withLock { self.data = read }
                self.done.signal()
            }
        }

        func text() -> String {
            done.wait()
            return lock.withLock { String(decoding: data, as: UTF8.self) }
        }
    }
}
