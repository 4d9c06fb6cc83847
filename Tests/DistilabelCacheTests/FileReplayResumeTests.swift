import Distilabel
import DistilabelTesting
import Foundation
import Logging
import Testing

/// `LoadDataFromFileSystem` replays its batches: when it is not a leaf the cache keeps only their records (no
/// segment file), and a stopped run resumes by reading the saved batches again from the file, with exactly the rows
/// of an uninterrupted run.
@Suite struct FileReplayResumeTests {
    private let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    private func pipeline(data: URL, cache: URL, counter: MockLLM.Counter, latency: Duration = .zero) throws -> Pipeline
    {
        try Pipeline(name: "files", cacheDirectory: cache.path) { p in
            p.add(LoadDataFromFileSystem(dataFiles: data.path), name: "load", batchSize: 7)
                >>> p.add(
                    TextGeneration(llm: MockLLM(latency: latency, requests: counter)), name: "gen", inputBatchSize: 4,
                    replicas: 2)
                >>> p.add(KeepColumns(["id", "generation"]), name: "keep", inputBatchSize: 9)
        }
    }

    @Test func aStoppedRunResumesWithTheRowsOfAnUninterruptedRunAndNoGeneratorSegments() async throws {
        try await withTemporaryDirectory { root in
            // Blank lines and CRLF line ends: row numbers are not line numbers.
            let data = root.appendingPathComponent("instructions.jsonl")
            let lines = (0..<60).map {
                #"{"id": \#($0), "instruction": "task \#($0)"}"# + ($0 % 5 == 0 ? "\r\n\n" : "\n")
            }
            try Foundation.Data(lines.joined().utf8).write(to: data)

            let reference = try await pipeline(
                data: data, cache: root.appendingPathComponent("reference"), counter: MockLLM.Counter()
            ).runWithCache(options: RunOptions(logger: logger))
            #expect(reference.rows.map { $0["id"] } == (0..<60).map { .int(Int64($0)) })

            let cache = root.appendingPathComponent("cache")
            let counter = MockLLM.Counter()
            let stop = StopSignal()
            let watcher = Task {
                while counter.value < 20 { try await Task.sleep(for: .milliseconds(1)) }
                stop.requestStop()
            }
            defer { watcher.cancel() }
            let stopped = try await pipeline(data: data, cache: cache, counter: counter, latency: .milliseconds(3))
                .runWithCache(options: RunOptions(stop: stop, logger: logger))
            #expect(!stopped.isComplete)
            #expect(stopped.signature == reference.signature)
            let answered = counter.value
            #expect(answered >= 20 && answered < 60)

            let execution = cache.appendingPathComponent("files/\(stopped.signature)")
            let journal = try String(
                contentsOf: execution.appendingPathComponent("batch_manager_steps/load.jsonl"), encoding: .utf8)
            let entries = journal.split(separator: "\n")
            #expect(!entries.isEmpty)
            #expect(entries.allSatisfy { $0.contains(#""segment":-1"#) }, "\(journal)")
            #expect(segmentFiles(execution.appendingPathComponent("steps/load")).isEmpty)

            let resumed = try await pipeline(data: data, cache: cache, counter: counter).runWithCache(
                options: RunOptions(logger: logger))
            #expect(resumed.isComplete)
            #expect(resumed.rows == reference.rows)
            #expect(try LeafData.rows(executionDirectory: execution, leaf: "keep") == reference.rows)
            // Every row was answered once: the replayed batches fed only the rows the stopped run had not answered.
            #expect(counter.value == 60)
            #expect(segmentFiles(execution.appendingPathComponent("steps/load")).isEmpty)
            #expect(!segmentFiles(execution.appendingPathComponent("steps/gen")).isEmpty)
        }
    }

    private func segmentFiles(_ directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
            $0.hasSuffix(".parquet")
        }
    }
}
