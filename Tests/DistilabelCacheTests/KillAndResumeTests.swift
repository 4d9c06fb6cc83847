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

    private func launch(
        cache: URL, rows: Int, delayMilliseconds: Int = 3, generator: String = "closure"
    ) throws
        -> Process
    {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = [cache.path, String(rows)]
        process.environment = ["DELAY_MS": String(delayMilliseconds), "GENERATOR": generator]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    private func runToCompletion(cache: URL, rows: Int, generator: String = "closure") throws -> String {
        let process = try launch(cache: cache, rows: rows, generator: generator)
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

    /// With a generator whose rows are saved, and with `LoadDataFromDicts` and `LoadDataFromFileSystem`, which save
    /// only their batches' records and replay them on resume.
    @Test(arguments: ["closure", "inline", "file"])
    func killNineAtTwentyRandomMomentsLosesAndDuplicatesNothing(generatorKind: String) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            Issue.record("build the distilabel-test-pipeline product first (swift build)")
            return
        }
        let rows = 8000
        try await withTemporaryDirectory { root in
            let reference = root.appendingPathComponent("reference")
            let done = try runToCompletion(cache: reference, rows: rows, generator: generatorKind)
            let parts = done.split(separator: " ")
            #expect(parts.first == "DONE")
            let signature = String(parts[1])
            let expected = try leafRows(cache: reference, signature: signature)
            #expect(expected.count == rows)
            #expect(expected.map { $0["id"] } == (0..<rows).map { .int(Int64($0)) })

            let killed = root.appendingPathComponent("killed")
            var generator = SplitMix64(seed: 20261125)
            // About 7 s of work (8000 rows, 12 ms per batch of 7 on 2 replicas); each launch lives 40–300 ms, so
            // 20 kills land across the run, during writes too.
            var kills = 0
            var launches = 0
            var unkilled: [String] = []
            while kills < 20 && launches < 40 {
                launches += 1
                let process = try launch(cache: killed, rows: rows, delayMilliseconds: 12, generator: generatorKind)
                let delay = 40 + Int(generator.next() % 260)
                try await Task.sleep(for: .milliseconds(delay))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    kills += 1
                    process.waitUntilExit()
                } else {
                    process.waitUntilExit()
                    let (out, err) = output(of: process)
                    unkilled.append("status \(process.terminationStatus): \(out) \(err.suffix(300))")
                }
            }
            #expect(kills >= 15, "only \(kills) of \(launches) launches were killed mid-run: \(unkilled.prefix(3))")
            let final = try runToCompletion(cache: killed, rows: rows, generator: generatorKind)
            #expect(final.hasPrefix("DONE \(signature) \(rows)"))
            let resumed = try leafRows(cache: killed, signature: signature)
            #expect(resumed.count == expected.count)
            #expect(resumed == expected)
            let generatorFiles = try FileManager.default.contentsOfDirectory(
                atPath: killed.appendingPathComponent("recovery-test/\(signature)/steps/numbers").path)
            #expect(generatorFiles.isEmpty == (generatorKind != "closure"), "\(generatorFiles)")
        }
    }

    private func output(of process: Process) -> (out: String, err: String) {
        let out = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
        let err = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// Waits until the execution has saved at least one batch of the leaf (the run is well under way).
    private func waitForProgress(cache: URL, signature: String) async throws {
        let folder = cache.appendingPathComponent("recovery-test/\(signature)/data/keep")
        for _ in 0..<500 {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path), names.count >= 2 {
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("the child made no progress")
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func signalStopsGracefullyAndTheNextRunResumes(signal: Int32, status: Int32) async throws {
        try await withTemporaryDirectory { root in
            let rows = 600
            let reference = root.appendingPathComponent("reference")
            let signature = String(try runToCompletion(cache: reference, rows: rows).split(separator: " ")[1])
            let expected = try leafRows(cache: reference, signature: signature)

            let cache = root.appendingPathComponent("stopped")
            let process = try launch(cache: cache, rows: rows, delayMilliseconds: 15)
            try await waitForProgress(cache: cache, signature: signature)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let (out, err) = output(of: process)
            #expect(process.terminationStatus == status)
            #expect(out.hasPrefix("STOPPED \(signature)"))
            #expect(err.contains("Run the same pipeline again to resume"))

            let resumed = try launch(cache: cache, rows: rows)
            resumed.waitUntilExit()
            #expect(resumed.terminationStatus == 0)
            #expect(output(of: resumed).out.hasPrefix("DONE \(signature) \(rows)"))
            #expect(try leafRows(cache: cache, signature: signature) == expected)
            let log = try String(
                contentsOf: cache.appendingPathComponent("recovery-test/\(signature)/pipeline.log"), encoding: .utf8)
            let runs = log.components(separatedBy: "===== ").dropFirst()
            #expect(runs.count == 2)
            let secondRunFirstLine = runs.last!.split(separator: "\n").dropFirst().first ?? ""
            #expect(secondRunFirstLine.contains("Load pipeline from cache"))
        }
    }

    @Test func secondCtrlCExitsAtOnceAndTheCacheStaysConsistent() async throws {
        try await withTemporaryDirectory { root in
            let rows = 600
            let reference = root.appendingPathComponent("reference")
            let signature = String(try runToCompletion(cache: reference, rows: rows).split(separator: " ")[1])
            let expected = try leafRows(cache: reference, signature: signature)
            let cache = root.appendingPathComponent("twice")
            let process = try launch(cache: cache, rows: rows, delayMilliseconds: 200)
            try await waitForProgress(cache: cache, signature: signature)
            kill(process.processIdentifier, SIGINT)
            try await Task.sleep(for: .milliseconds(50))
            let start = ContinuousClock.now
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            #expect(ContinuousClock.now - start < .seconds(5))
            #expect(process.terminationStatus == 130)
            #expect(output(of: process).err.contains("Stopped at once"))
            _ = try runToCompletion(cache: cache, rows: rows)
            #expect(try leafRows(cache: cache, signature: signature) == expected)
        }
    }

    @Test func aSecondProcessOnTheSameCacheFailsNamingTheFirst() async throws {
        try await withTemporaryDirectory { root in
            let cache = root.appendingPathComponent("shared")
            let first = try launch(cache: cache, rows: 3000, delayMilliseconds: 20)
            defer {
                kill(first.processIdentifier, SIGKILL)
                first.waitUntilExit()
            }
            // The first process holds the lock once its execution folder exists.
            for _ in 0..<300 {
                if let names = try? FileManager.default.contentsOfDirectory(
                    atPath: cache.appendingPathComponent("recovery-test").path),
                    !names.isEmpty
                {
                    break
                }
                try await Task.sleep(for: .milliseconds(10))
            }
            try await Task.sleep(for: .milliseconds(200))
            let second = try launch(cache: cache, rows: 3000)
            second.waitUntilExit()
            #expect(second.terminationStatus == 1)
            #expect(output(of: second).err.contains("PID \(first.processIdentifier)"))
        }
    }
}
