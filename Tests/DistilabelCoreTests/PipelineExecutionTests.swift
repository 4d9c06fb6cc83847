import Distilabel
import DistilabelTesting
import Testing

@Suite struct PipelineExecutionTests {
    /// generator >> jittery step (3 replicas) >> routing to one of two branches >> convergence >> global step.
    private func bigPipeline(rows: Int = 100) throws -> Pipeline {
        try Pipeline(name: "end-to-end") { p in
            let load = p.add(LoadDataFromDicts(rows: numberedRows(rows)), name: "load", batchSize: 10)
            let first = p.add(jitteryStep("+a"), name: "first", inputBatchSize: 7, replicas: 3)
            let second = p.add(jitteryStep("+b"), name: "second", inputBatchSize: 10)
            let left = p.add(jitteryStep("+left"), name: "left", inputBatchSize: 5)
            let right = p.add(jitteryStep("+right"), name: "right", inputBatchSize: 10, replicas: 2)
            let join = p.add(KeepColumns(["id", "instruction"]), name: "join", inputBatchSize: 5)
            let total = p.add(
                GlobalClosureStep(typeName: "Summary", outputs: ["ids", "count"]) { rows, _ in
                    [["ids": .list(rows.map { $0["id"] ?? .null }), "count": .int(Int64(rows.count))]]
                }, name: "summary")
            load >>> first >>> second >>> .sampleNSteps(1, seed: 42) >>> [left, right]
            [left, right] >>> join >>> total
        }
    }

    private func expectedJoin(rows: Int, routes: (Int) -> String) -> [Row] {
        (0..<rows).map { id in
            ["id": .int(Int64(id)), "instruction": .string("task \(id)+a+b+\(routes(id / 10))")]
        }
    }

    @Test func rowsComeOutInGeneratorOrderWhateverTheTiming() async throws {
        let pipeline = try bigPipeline()
        let routing = RoutingBatchFunction.sampleNSteps(1, seed: 42)
        let routes = { (batch: Int) -> String in
            routing.successors(forBatch: batch, among: ["left", "right"]) == ["left"] ? "left" : "right"
        }
        let output = try await pipeline.run(options: RunOptions(logger: quietLogger))
        #expect(output.isComplete)
        #expect(Set(output.leafRows.keys) == ["summary"])
        let summary = output.leafRows["summary"]!
        #expect(summary == [["ids": .list((0..<100).map { .int(Int64($0)) }), "count": 100]])
        // The same pipeline with the global step removed exposes the convergence step's rows.
        let joinOnly = try Pipeline(name: "join-only") { p in
            let load = p.add(LoadDataFromDicts(rows: numberedRows(100)), name: "load", batchSize: 10)
            let first = p.add(jitteryStep("+a"), name: "first", inputBatchSize: 7, replicas: 3)
            let second = p.add(jitteryStep("+b"), name: "second", inputBatchSize: 10)
            let left = p.add(jitteryStep("+left"), name: "left", inputBatchSize: 5)
            let right = p.add(jitteryStep("+right"), name: "right", inputBatchSize: 10, replicas: 2)
            let join = p.add(KeepColumns(["id", "instruction"]), name: "join", inputBatchSize: 5)
            load >>> first >>> second >>> .sampleNSteps(1, seed: 42) >>> [left, right]
            [left, right] >>> join
        }
        let joined = try await joinOnly.run(options: RunOptions(logger: quietLogger)).rows
        #expect(joined == expectedJoin(rows: 100, routes: routes))
        // Both branches were used, so the convergence really interleaved them.
        #expect(Set((0..<10).map(routes)) == ["left", "right"])
    }

    @Test func replicasDoNotChangeOutputOrder() async throws {
        for replicas in [1, 4] {
            let pipeline = try Pipeline(name: "replicas") { p in
                p.add(LoadDataFromDicts(rows: numberedRows(57)), name: "load", batchSize: 4)
                    >>> p.add(jitteryStep("!"), name: "work", inputBatchSize: 3, replicas: replicas)
            }
            let rows = try await pipeline.run(options: RunOptions(logger: quietLogger)).rows
            #expect(rows.map { $0["id"] } == (0..<57).map { .int(Int64($0)) })
            #expect(rows.allSatisfy { $0["instruction"]?.stringValue?.hasSuffix("!") ?? false })
        }
    }

    @Test func textGenerationWithMetadataAndGroupedGenerations() async throws {
        let pipeline = try Pipeline(name: "generate", enableMetadata: true) { p in
            p.add(LoadDataFromDicts(rows: numberedRows(3)), name: "load")
                >>> p.add(
                    TextGeneration(
                        llm: MockLLM(), systemPrompt: "Be brief.", numGenerations: 2, groupGenerations: true),
                    name: "gen")
        }
        let rows = try await pipeline.run(options: RunOptions(logger: quietLogger)).rows
        #expect(rows.count == 3)
        #expect(rows[1]["generation"] == ["Response 0 to: task 1", "Response 1 to: task 1"])
        #expect(rows[1]["model_name"] == "mock-model")
        let metadata = try #require(rows[1]["distilabel_metadata"]?.structValue)
        #expect(
            metadata["raw_input_gen"] == [
                ["role": "system", "content": "Be brief."], ["role": "user", "content": "task 1"],
            ])
        #expect(metadata["statistics_gen"]?.structValue?["output_tokens"] == [5, 5])

        let ungrouped = try Pipeline(name: "generate") { p in
            p.add(LoadDataFromDicts(rows: numberedRows(2)), name: "load")
                >>> p.add(TextGeneration(llm: MockLLM(), numGenerations: 2), name: "gen")
        }
        let expanded = try await ungrouped.run(options: RunOptions(logger: quietLogger)).rows
        #expect(
            expanded.map { $0["generation"] } == [
                "Response 0 to: task 0", "Response 1 to: task 0", "Response 0 to: task 1", "Response 1 to: task 1",
            ])
        #expect(expanded.allSatisfy { $0["distilabel_metadata"] == nil })
    }

    @Test func templatesAndMappings() async throws {
        let pipeline = try Pipeline(name: "template") { p in
            p.add(LoadDataFromDicts(rows: [["topic": "owls", "style": "haiku"]]), name: "load")
                >>> p.add(
                    TextGeneration(llm: MockLLM(), template: "Write a {{ style }} about {{topic}}."), name: "gen",
                    outputMappings: ["generation": "poem"])
        }
        let rows = try await pipeline.run(options: RunOptions(logger: quietLogger)).rows
        #expect(
            rows == [
                [
                    "topic": "owls", "style": "haiku", "poem": "Response 0 to: Write a haiku about owls.",
                    "model_name": "mock-model",
                ]
            ])
    }

    @Test func failedBatchesContinueAreRecordedAndRetried() async throws {
        let store = InMemoryExecutionStore()
        let counter = MockLLM.Counter()
        func pipeline(failing: Bool) throws -> Pipeline {
            let llm = MockLLM(failWhenContains: failing ? "task 4" : nil, requests: counter)
            return try Pipeline(name: "failing") { p in
                p.add(LoadDataFromDicts(rows: numberedRows(10)), name: "load", batchSize: 3)
                    >>> p.add(TextGeneration(llm: llm), name: "gen", inputBatchSize: 3)
                    >>> p.add(KeepColumns(["id", "generation"]), name: "keep")
            }
        }
        let first = try await pipeline(failing: true).run(store: store, options: RunOptions(logger: quietLogger))
        #expect(first.isComplete)
        #expect(first.failedBatches == 1)
        #expect(first.rows.map { $0["generation"] }.filter { $0 == .null }.count == 3)
        #expect(first.rows.map { $0["id"] } == (0..<10).map { .int(Int64($0)) })
        #expect(counter.value == 10)
        // The batch of rows 3...5 failed: a re-run retries those rows only, and the keep step recomputes its batch.
        let second = try await pipeline(failing: false).run(store: store, options: RunOptions(logger: quietLogger))
        #expect(counter.value == 13)
        #expect(second.failedBatches == 0)
        #expect(second.rows.allSatisfy { $0["generation"] != .null })
        #expect(second.rows.map { $0["id"] } == (0..<10).map { .int(Int64($0)) })
        let generate = second.progress.first { $0.name == "gen" }!
        #expect(generate.batchesComputed == 1 && generate.batchesReused == 3)
        // A third run recomputes nothing.
        let third = try await pipeline(failing: false).run(store: store, options: RunOptions(logger: quietLogger))
        #expect(counter.value == 13)
        #expect(third.rows == second.rows)
    }

    @Test func aGeneratorThatThrowsStopsTheRun() async throws {
        let pipeline = try Pipeline(name: "broken") { p in
            p.add(
                GeneratorClosureStep(typeName: "Broken", outputs: ["x"]) { offset, _ in
                    if offset > 0 { throw MockLLMError(message: "disk on fire") }
                    return GeneratedBatch(rows: [["x": 1]], isLast: false)
                }, name: "source", batchSize: 1) >>> p.add(KeepColumns(["x"]), name: "keep")
        }
        let error = await #expect(throws: PipelineError.self) {
            try await pipeline.run(options: RunOptions(logger: quietLogger))
        }
        #expect(error == .generatorFailed(step: "source", batch: 1, message: "disk on fire"))
    }

    @Test func aStepWhoseLoadThrowsIsNamedInTheError() async throws {
        struct Unreachable: ProcessingStep {
            func load(context: StepContext) async throws { throw MockLLMError(message: "server refused") }
            func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] { inputs[0] }
        }
        let store = InMemoryExecutionStore()
        let pipeline = try Pipeline(name: "unloadable") { p in
            let load = p.add(LoadDataFromDicts(rows: numberedRows(6)), name: "load", batchSize: 2)
            load >>> p.add(Unreachable(), name: "generate")
            load >>> p.add(KeepColumns(["id"]), name: "keep")
        }
        var failure: PipelineError?
        do { _ = try await pipeline.run(store: store, options: RunOptions(logger: quietLogger)) } catch {
            failure = error as? PipelineError
        }
        #expect(failure == .loadFailed(step: "generate", message: "server refused"))
        #expect(failure.map { "\($0)" } == "Step 'generate' could not load: server refused")
    }

    @Test func stoppedRunResumesExactly() async throws {
        let store = InMemoryExecutionStore()
        let counter = MockLLM.Counter()
        let stop = StopSignal()
        let pipeline = try Pipeline(name: "resume") { p in
            p.add(
                GeneratorClosureStep(typeName: "Numbers", outputs: ["id", "instruction"]) { offset, size in
                    let end = min(offset + size, 100)
                    return GeneratedBatch(
                        rows: (offset..<end).map { ["id": .int(Int64($0)), "instruction": .string("task \($0)")] },
                        isLast: end == 100)
                }, name: "load", batchSize: 10)
                >>> p.add(
                    TextGeneration(llm: MockLLM(latency: .milliseconds(5), requests: counter)), name: "gen",
                    inputBatchSize: 5, replicas: 2)
        }
        let watcher = Task {
            while counter.value < 30 { try await Task.sleep(for: .milliseconds(1)) }
            stop.requestStop()
        }
        defer { watcher.cancel() }
        let stopped = try await pipeline.run(store: store, options: RunOptions(stop: stop, logger: quietLogger))
        #expect(!stopped.isComplete)
        let answeredBefore = counter.value
        #expect(answeredBefore > 0 && answeredBefore < 100)
        let resumed = try await pipeline.run(store: store, options: RunOptions(logger: quietLogger))
        #expect(resumed.isComplete)
        #expect(resumed.rows.map { $0["id"] } == (0..<100).map { .int(Int64($0)) })
        #expect(counter.value == 100)
    }

    @Test func progressCountsBatchesRowsAndTheExpectedTotal() async throws {
        let progress = ExecutionProgress(steps: ["load", "keep"])
        let pipeline = try Pipeline(name: "progress") { p in
            p.add(LoadDataFromDicts(rows: numberedRows(23)), name: "load", batchSize: 5)
                >>> p.add(KeepColumns(["id"]), name: "keep", inputBatchSize: 10)
        }
        _ = try await pipeline.run(options: RunOptions(progress: progress, logger: quietLogger))
        let snapshot = progress.snapshot
        #expect(snapshot.map(\.name) == ["load", "keep"])
        #expect(snapshot[0].batchesComputed == 5 && snapshot[0].rows == 23 && snapshot[0].finished)
        #expect(snapshot[1].batchesComputed == 3 && snapshot[1].rows == 23)
        #expect(snapshot.allSatisfy { $0.expectedRows == 23 })
    }
}
