import Distilabel
import DistilabelTesting
import Foundation
import Logging
import Testing

@Suite struct DurableStoreTests {
    private let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    private func pipeline(rows: Int, counter: MockLLM.Counter, cache: URL, failing: String? = nil) throws -> Pipeline {
        try Pipeline(name: "durable", cacheDirectory: cache.path) { p in
            let rowsData: [Row] = (0..<rows).map { ["id": .int(Int64($0)), "instruction": .string("task \($0)")] }
            p.add(LoadDataFromDicts(rows: rowsData), name: "load", batchSize: 4)
                >>> p.add(
                    TextGeneration(llm: MockLLM(failWhenContains: failing, requests: counter)), name: "gen",
                    inputBatchSize: 3)
                >>> p.add(KeepColumns(["id", "generation"]), name: "keep")
        }
    }

    @Test func finishedRunIsReusedAndDataFilesHoldRowsInOrder() async throws {
        try await withTemporaryDirectory { cache in
            let counter = MockLLM.Counter()
            let first = try await pipeline(rows: 25, counter: counter, cache: cache).runWithCache(
                options: RunOptions(logger: logger))
            #expect(counter.value == 25)
            let directory = cache.appendingPathComponent("durable/\(first.signature)")
            for file in [
                "batch_manager.json", "batch_manager_steps/gen.jsonl", "data/keep/00001.parquet", "pipeline.yaml",
                "pipeline.log",
            ] {
                #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file)")
            }
            let saved = try LeafData.rows(executionDirectory: directory, leaf: "keep")
            #expect(saved == first.rows)
            #expect(saved.map { $0["id"] } == (0..<25).map { .int(Int64($0)) })
            let yaml = directory.appendingPathComponent("pipeline.yaml").path
            let yamlInode = try FileManager.default.attributesOfItem(atPath: yaml)[.systemFileNumber] as? NSNumber
            let second = try await pipeline(rows: 25, counter: counter, cache: cache).runWithCache(
                options: RunOptions(logger: logger))
            #expect(counter.value == 25)
            // No step ran: the run was found finished from its files, which were only read.
            let log = try String(contentsOf: directory.appendingPathComponent("pipeline.log"), encoding: .utf8)
            #expect(log.contains("The pipeline already finished"))
            let summary = try String(
                contentsOf: directory.appendingPathComponent("batch_manager.json"), encoding: .utf8)
            #expect(summary.contains(#""status":"finished""#))
            // The finished run's pipeline.yaml describes the same pipeline: it is left as it was, not rewritten.
            #expect(try FileManager.default.attributesOfItem(atPath: yaml)[.systemFileNumber] as? NSNumber == yamlInode)
            #expect(second.rows == first.rows)
            #expect(second.progress.allSatisfy { $0.batchesComputed == 0 })
            // A different input gives a different signature: nothing stale is returned.
            let changed = try await pipeline(rows: 26, counter: counter, cache: cache).runWithCache(
                options: RunOptions(logger: logger))
            #expect(changed.signature != first.signature)
            #expect(changed.rows.count == 26)
            // use_cache false recomputes everything.
            _ = try await pipeline(rows: 25, counter: counter, cache: cache).runWithCache(
                useCache: false, options: RunOptions(logger: logger))
            #expect(counter.value == 25 + 26 + 25)
        }
    }

    @Test func failedBatchesAreRetriedByTheNextRun() async throws {
        try await withTemporaryDirectory { cache in
            let counter = MockLLM.Counter()
            let first = try await pipeline(rows: 10, counter: counter, cache: cache, failing: "task 4").runWithCache(
                options: RunOptions(logger: logger))
            #expect(first.failedBatches == 1)
            let directory = cache.appendingPathComponent("durable/\(first.signature)")
            let savedFirst = try LeafData.rows(executionDirectory: directory, leaf: "keep")
            #expect(savedFirst.filter { $0["generation"] == .null }.count == 3)
            // The failing text is in the mock's configuration, not the signature: the same execution resumes.
            let second = try await pipeline(rows: 10, counter: counter, cache: cache).runWithCache(
                options: RunOptions(logger: logger))
            #expect(second.signature == first.signature)
            #expect(counter.value == 13)
            let savedSecond = try LeafData.rows(executionDirectory: directory, leaf: "keep")
            #expect(savedSecond.allSatisfy { $0["generation"] != .null })
            #expect(savedSecond.map { $0["id"] } == (0..<10).map { .int(Int64($0)) })
        }
    }

    @Test func aSecondProcessOnTheSameCacheIsRefused() async throws {
        try await withTemporaryDirectory { cache in
            let directory = cache.appendingPathComponent("x/sig")
            let store = DurableExecutionStore(directory: directory)
            let plan = ExecutionPlan(pipelineName: "x", signature: "sig", steps: [], leaves: [], useCache: true)
            try await store.open(plan)
            // (`#expect(throws:)` around this actor call crashes the Swift 6.3 test runner: a plain do/catch.)
            let other = DurableExecutionStore(directory: directory)
            var message: String?
            do {
                try await other.open(plan)
            } catch let error as CacheError {
                message = "\(error)"
            }
            #expect(message?.contains("PID \(getpid())") ?? false, "the second open must fail, naming this process")
            try await store.close(completed: true)
        }
    }

    @Test func aTruncatedBatchFileIsReportedWithItsPath() async throws {
        try await withTemporaryDirectory { cache in
            let counter = MockLLM.Counter()
            let first = try await pipeline(rows: 8, counter: counter, cache: cache).runWithCache(
                options: RunOptions(logger: logger))
            let directory = cache.appendingPathComponent("durable/\(first.signature)")
            let file = directory.appendingPathComponent("data/keep/00001.parquet")
            let handle = try FileHandle(forWritingTo: file)
            try handle.truncate(atOffset: 20)
            try handle.close()
            let error = #expect(throws: CacheError.self) {
                try LeafData.rows(executionDirectory: directory, leaf: "keep")
            }
            #expect("\(error!)".contains("00001.parquet"))
            #expect("\(error!)".contains("--ignore-cache"))
        }
    }
}

@Suite struct CorruptCacheTests {
    private let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    /// `load` is a `LoadDataFromDicts` (which saves only its batches' records), or with `keepingRows` a generator
    /// whose rows are saved in segment files.
    private func pipeline(cache: URL, prompt: String, keepingRows: Bool = false) throws -> Pipeline {
        try Pipeline(name: "corrupt", cacheDirectory: cache.path) { p in
            let rows: [Row] = (0..<20).map { ["id": .int(Int64($0)), "instruction": .string("task \($0)")] }
            let load: any Step =
                keepingRows
                ? GeneratorClosureStep(typeName: "Numbers", outputs: ["id", "instruction"]) { offset, size in
                    GeneratedBatch(rows: Array(rows[offset..<min(offset + size, 20)]), isLast: offset + size >= 20)
                } : LoadDataFromDicts(rows: rows)
            p.add(load, name: "load", batchSize: 5)
                >>> p.add(TextGeneration(llm: MockLLM(), template: "\(prompt) {{ instruction }}"), name: "gen")
        }
    }

    @Test func aDamagedJournalLineNamesTheFileAndTheLine() async throws {
        try await withTemporaryDirectory { cache in
            let output = try await pipeline(cache: cache, prompt: "Do").runWithCache(
                options: RunOptions(logger: logger))
            let journal = cache.appendingPathComponent("corrupt/\(output.signature)/batch_manager_steps/load.jsonl")
            var lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").map(String.init)
            lines[1] = "{not json"
            try (lines.joined(separator: "\n") + "\n").write(to: journal, atomically: true, encoding: .utf8)
            var message = ""
            do {
                _ = try await pipeline(cache: cache, prompt: "Do").runWithCache(options: RunOptions(logger: logger))
            } catch {
                message = "\(error)"
            }
            #expect(message.contains("load.jsonl"))
            #expect(message.contains("line 2"))
            #expect(message.contains("--ignore-cache"))
            // --ignore-cache recovers.
            let recovered = try await pipeline(cache: cache, prompt: "Do").runWithCache(
                useCache: false, options: RunOptions(logger: logger))
            #expect(recovered.rows == output.rows)
        }
    }

    @Test func aTruncatedSegmentIsComputedAgain() async throws {
        try await withTemporaryDirectory { cache in
            let first = try await pipeline(cache: cache, prompt: "Do", keepingRows: true).runWithCache(
                options: RunOptions(logger: logger))
            // The generator's segment of the first execution is adopted by the second; cut it short.
            let segment = cache.appendingPathComponent("corrupt/\(first.signature)/steps/load/00001.parquet")
            let handle = try FileHandle(forWritingTo: segment)
            try handle.truncate(atOffset: 30)
            try handle.close()
            let second = try await pipeline(cache: cache, prompt: "Now do", keepingRows: true).runWithCache(
                options: RunOptions(logger: logger))
            #expect(second.isComplete)
            #expect(second.rows.map { $0["id"] } == first.rows.map { $0["id"] })
            #expect(second.progress.first { $0.name == "load" }?.batchesComputed ?? 0 > 0)
            // The first execution finished: its dataset is its leaf's files, which are whole, so it returns as
            // finished with the same rows. With a leaf file cut short, it is not finished: the lost batches are
            // computed again.
            let again = try await pipeline(cache: cache, prompt: "Do", keepingRows: true).runWithCache(
                options: RunOptions(logger: logger))
            #expect(again.rows == first.rows)
            #expect(again.progress.allSatisfy { $0.batchesComputed == 0 })
            let leafFile = try FileHandle(
                forWritingTo: cache.appendingPathComponent("corrupt/\(first.signature)/data/gen/00001.parquet"))
            try leafFile.truncate(atOffset: 100)
            try leafFile.close()
            let repaired = try await pipeline(cache: cache, prompt: "Do", keepingRows: true).runWithCache(
                options: RunOptions(logger: logger))
            #expect(repaired.rows == first.rows)
            #expect(repaired.progress.first { $0.name == "gen" }?.batchesComputed ?? 0 > 0)
        }
    }

    @Test func aSegmentDamagedInsideNamesTheFileWhenRead() async throws {
        try await withTemporaryDirectory { cache in
            let first = try await pipeline(cache: cache, prompt: "Do", keepingRows: true).runWithCache(
                options: RunOptions(logger: logger))
            // Its ends are whole, so it is taken as saved; reading it finds the damage.
            let segment = cache.appendingPathComponent("corrupt/\(first.signature)/steps/load/00001.parquet")
            let handle = try FileHandle(forWritingTo: segment)
            try handle.seek(toOffset: 4)
            try handle.write(contentsOf: Foundation.Data(repeating: 0xEE, count: 26))
            try handle.close()
            var message = ""
            do {
                _ = try await pipeline(cache: cache, prompt: "Now do", keepingRows: true).runWithCache(
                    options: RunOptions(logger: logger))
            } catch {
                message = "\(error)"
            }
            #expect(message.contains("00001.parquet"), "\(message)")
            #expect(message.contains("delete that file to recompute just the batches it held"))
        }
    }
}

@Suite struct StepLevelReuseTests {
    private let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    private func pipeline(
        cache: URL, upstream: MockLLM, downstream: MockLLM, downstreamPrompt: String
    ) throws -> Pipeline {
        try Pipeline(name: "reuse", cacheDirectory: cache.path) { p in
            let rows: [Row] = (0..<12).map { ["id": .int(Int64($0)), "instruction": .string("task \($0)")] }
            let load = p.add(LoadDataFromDicts(rows: rows), name: "load", batchSize: 5)
            let first = p.add(TextGeneration(llm: upstream), name: "first", inputBatchSize: 4)
            let second = p.add(
                TextGeneration(llm: downstream, template: "\(downstreamPrompt): {{ generation }}"), name: "second",
                outputMappings: ["generation": "critique", "model_name": "critic"])
            load >>> first >>> second
        }
    }

    @Test func changingADownstreamStepReusesUpstreamSteps() async throws {
        try await withTemporaryDirectory { cache in
            let upstream = MockLLM.Counter()
            let downstream = MockLLM.Counter()
            let run1 = try await pipeline(
                cache: cache, upstream: MockLLM(requests: upstream), downstream: MockLLM(requests: downstream),
                downstreamPrompt: "Critique"
            ).runWithCache(options: RunOptions(logger: logger))
            #expect(upstream.value == 12 && downstream.value == 12)
            let run2 = try await pipeline(
                cache: cache, upstream: MockLLM(requests: upstream), downstream: MockLLM(requests: downstream),
                downstreamPrompt: "Review"
            ).runWithCache(options: RunOptions(logger: logger))
            #expect(run2.signature != run1.signature)
            #expect(upstream.value == 12, "the unchanged upstream step was recomputed")
            #expect(downstream.value == 24)
            #expect(
                run2.rows.map { $0["critique"]?.stringValue ?? "" }.allSatisfy {
                    $0.contains("Review: Response 0 to: task")
                })
            // Changing the upstream step invalidates what depends on it: both recompute.
            _ = try await pipeline(
                cache: cache, upstream: MockLLM(modelName: "other", requests: upstream),
                downstream: MockLLM(requests: downstream), downstreamPrompt: "Review"
            ).runWithCache(options: RunOptions(logger: logger))
            #expect(upstream.value == 24 && downstream.value == 36)
        }
    }
}
