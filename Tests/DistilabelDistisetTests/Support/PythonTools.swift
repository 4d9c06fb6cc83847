import Foundation
import Testing

/// The Python interpreter of `.venv-tools` (installed by `Scripts/bootstrap-test-tools`, with `datasets` and
/// `distilabel==1.5.3`) and the scripts under `Tests/DistilabelDistisetTests/Interop/`.
enum PythonTools {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let python = packageRoot.appendingPathComponent(".venv-tools/bin/python")
    static let scripts = packageRoot.appendingPathComponent("Tests/DistilabelDistisetTests/Interop")

    /// Whether the tools are installed with `module` importable. When they are not, the test fails under CI (the
    /// `CI` variable is set) and is skipped otherwise.
    static func require(module: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if FileManager.default.isExecutableFile(atPath: python.path),
            (try? run(arguments: ["-c", "import \(module)"])) != nil
        {
            return true
        }
        let message = "\(python.path) with the Python module \(module) is missing: run Scripts/bootstrap-test-tools"
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } else {
            print("skipped: \(message)")
        }
        return false
    }

    /// Runs `script` (a file under `Interop/`) with `arguments`; returns its standard output.
    static func run(
        _ script: String, _ arguments: [String], environment: [String: String] = [:]
    ) throws -> String {
        try run(arguments: [scripts.appendingPathComponent(script).path] + arguments, environment: environment)
    }

    private static func run(arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("distiset-py-\(UUID()).out")
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("distiset-py-\(UUID()).err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        // Files rather than pipes: a chatty script can never block on a full pipe.
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let stdout = String(decoding: FileManager.default.contents(atPath: output.path) ?? .init(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let stderr = String(decoding: FileManager.default.contents(atPath: errors.path) ?? .init(), as: UTF8.self)
            throw ToolFailure(arguments: arguments, status: process.terminationStatus, stderr: stderr)
        }
        return stdout
    }

    struct ToolFailure: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var stderr: String
        var description: String { "python \(arguments.joined(separator: " ")) exited with \(status):\n\(stderr)" }
    }
}
