import Distilabel
import DistilabelTesting
import Foundation
import LLMClients
import Testing

/// A pipeline whose LLM step asks a real server (llmock) runs as a child process and is killed with SIGKILL at random
/// moments, then resumed. Counted at the server: every row's request was answered, and no request answered before a
/// kill was sent again, except the few whose answers were still on their way to the killed process.
@Suite(.serialized, .enabled(if: LLMockServer.shouldRun, LLMockServer.skipMessage))
struct KillNineResponseCacheTests {
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("distilabel-test-pipeline")
    }

    /// `CLOCK_MONOTONIC`, the clock llmock stamps its request journal with (`time.monotonic()`).
    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private func launch(cache: URL, rows: Int, server: LLMockServer) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = [cache.path, String(rows)]
        process.environment = ["LLM_BASE_URL": server.openAIBaseURL, "LLM_API_KEY": "sk-kill-test"]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    @Test func killedRunsNeverPayTwiceForAnAnswerTheyReceived() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            Issue.record("build the distilabel-test-pipeline product first (swift build)")
            return
        }
        let rows = 600
        // 50 ms per answer, batches of 5 on 2 replicas: about 200 rows/s, so a run lasts about 3 s.
        try await LLMockServer.with(latencyMilliseconds: 50) { server in
            try await withTemporaryDirectory { cache in
                var generator = SplitMix64(seed: 7_2026)
                var killTimes: [Double] = []
                var launches = 0
                while killTimes.count < 8 && launches < 20 {
                    launches += 1
                    let process = try launch(cache: cache, rows: rows, server: server)
                    try await Task.sleep(for: .milliseconds(150 + Int(generator.next() % 350)))
                    guard process.isRunning else {
                        process.waitUntilExit()
                        break
                    }
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                    // Stamped once the process is gone, plus 20 ms for bytes it wrote just before dying to reach the
                    // server (stamping before the kill missed requests sent in the microseconds between). The next
                    // launch takes far longer than that to send its first request.
                    killTimes.append(Self.monotonicSeconds() + 0.02)
                }
                #expect(killTimes.count >= 5, "only \(killTimes.count) of \(launches) launches were killed mid-run")
                let beforeFinal = try await server.requests().count
                #expect(beforeFinal > 0 && beforeFinal < rows, "the kills should land mid-run: \(beforeFinal) asked")

                let final = try launch(cache: cache, rows: rows, server: server)
                final.waitUntilExit()
                let output = String(
                    decoding: (final.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                #expect(final.terminationStatus == 0 && output.hasPrefix("DONE "), "final run: \(output)")
                let signature = String(output.split(separator: " ").dropFirst().first ?? "")
                let data = try LeafData.rows(
                    executionDirectory: cache.appendingPathComponent("recovery-test/\(signature)"), leaf: "keep")
                #expect(data.map { $0["id"] } == (0..<rows).map { .int(Int64($0)) })
                #expect(data.allSatisfy { !($0["generation"]?.stringValue ?? "").isEmpty })

                // At the server: every row asked, and a request asked twice only if it was in flight at a kill.
                let requests = try await server.requests()
                var byPrompt: [String: [(started: Double, ended: Double, ok: Bool)]] = [:]
                for request in requests {
                    guard let fingerprint = request["fingerprint"]?.stringValue else { continue }
                    let started = request["started_at"]?.doubleValue ?? 0
                    let ended = request["ended_at"]?.doubleValue ?? 0
                    let ok = request["status"]?.intValue == 200 && request["completed"] != .bool(false)
                    byPrompt[fingerprint, default: []].append((started, ended, ok))
                }
                #expect(byPrompt.count == rows, "\(byPrompt.count) distinct requests for \(rows) rows")
                // A request sent again must have been in flight when a launch was killed: sent during that launch,
                // its answer not yet handled by the process (measured here: nearly all were answered after the
                // kill, a few within half a second before it on this loaded machine). Each launch has at most
                // 2 replicas × 5 rows in flight, so a kill costs about 10 repeats, 20 at the very most; without
                // the response cache, every answer received before a kill (up to hundreds) would be asked again.
                var repeatsPerKill = [Int](repeating: 0, count: killTimes.count)
                var gaps: [Double] = []
                for (fingerprint, attempts) in byPrompt where attempts.count > 1 {
                    for earlier in attempts.dropLast() where earlier.ok {
                        guard let kill = killTimes.firstIndex(where: { $0 >= earlier.started }) else {
                            Issue.record("request \(fingerprint), answered in the final run, was sent again")
                            continue
                        }
                        repeatsPerKill[kill] += 1
                        gaps.append(killTimes[kill] - earlier.ended)
                    }
                }
                #expect(
                    repeatsPerKill.allSatisfy { $0 <= 20 }, "answered requests sent again, per kill: \(repeatsPerKill)")
                let repeats = repeatsPerKill.reduce(0, +)
                print(
                    "repeats per kill: \(repeatsPerKill); ms from answer to kill: \(gaps.sorted().map { Int($0 * 1000) })"
                )
                print("kill -9 × \(killTimes.count): \(requests.count) requests for \(rows) rows, \(repeats) repeats")
            }
        }
    }
}
