import Distilabel
import DistilabelTesting
import Foundation
import Testing

/// Runs `distilabel-test-pipeline` as a real child process, kills it with SIGKILL at random moments, resumes after
/// each kill, and checks that the final dataset equals an uninterrupted run's: same rows, same order, none missing,
/// none duplicated.
@Suite(.serialized) struct KillAndResumeTests {
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("distilabel-test-pipeline")
    }

    private func launch(cache: URL, rows: Int) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = [cache.path, String(rows)]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    private func runToCompletion(cache: URL, rows: Int) throws -> String {
        let process = try launch(cache: cache, rows: rows)
        process.waitUntilExit()
        let output = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
        let errors = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        #expect(process.terminationStatus == 0, "stderr: \(String(decoding: errors, as: UTF8.self))")
        return String(decoding: output, as: UTF8.self)
    }

    private func leafRows(cache: URL, signature: String) throws -> [Row] {
        let directory = cache.appendingPathComponent("recovery-test/\(signature)")
        return try LeafData.rows(executionDirectory: directory, leaf: "keep")
    }

    @Test func killNineAtTwentyRandomMomentsLosesAndDuplicatesNothing() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            Issue.record("build the distilabel-test-pipeline product first (swift build)")
            return
        }
        let rows = 5000
        try await withTemporaryDirectory { root in
            let reference = root.appendingPathComponent("reference")
            let done = try runToCompletion(cache: reference, rows: rows)
            let parts = done.split(separator: " ")
            #expect(parts.first == "DONE")
            let signature = String(parts[1])
            let expected = try leafRows(cache: reference, signature: signature)
            #expect(expected.count == rows)
            #expect(expected.map { $0["id"] } == (0..<rows).map { .int(Int64($0)) })

            let killed = root.appendingPathComponent("killed")
            var generator = SplitMix64(seed: 20261125)
            var kills = 0
            for _ in 0..<20 {
                let process = try launch(cache: killed, rows: rows)
                let delay = 40 + Int(generator.next() % 260)
                try await Task.sleep(for: .milliseconds(delay))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    kills += 1
                }
                process.waitUntilExit()
            }
            #expect(kills >= 15, "the run finished too fast to be killed mid-way")
            let final = try runToCompletion(cache: killed, rows: rows)
            #expect(final.hasPrefix("DONE \(signature) \(rows)"))
            let resumed = try leafRows(cache: killed, signature: signature)
            #expect(resumed.count == expected.count)
            #expect(resumed == expected)
        }
    }
}
