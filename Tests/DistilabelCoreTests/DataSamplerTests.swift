import Distilabel
import DistilabelTesting
import Testing

/// `DataSampler`: Python's output shape, and batches that are a pure function of (data, seed, batch).
@Suite struct DataSamplerTests {
    static let data: [Row] = (0..<30).map { ["sample": .string("sample \($0)"), "n": .int(Int64($0))] }

    private func allBatches(_ step: DataSampler, batchSize: Int, order: [Int]) async throws -> [Int: GeneratedBatch] {
        var batches: [Int: GeneratedBatch] = [:]
        for k in order {
            batches[k] = try await step.batch(offset: k * batchSize, size: batchSize, context: testContext)
        }
        return batches
    }

    @Test func rowsGatherSizeDrawsColumnByColumn() async throws {
        var step = DataSampler(data: Self.data, size: 3, samples: 10)
        try await step.load(context: testContext)
        #expect(step.outputs == ["sample", "n"])
        #expect(step.totalRows == 10)
        let batches = try await allBatches(step, batchSize: 4, order: [0, 1, 2])
        #expect(batches.keys.sorted().map { batches[$0]!.rows.count } == [4, 4, 2])
        #expect(!batches[0]!.isLast && !batches[1]!.isLast && batches[2]!.isLast)
        for row in batches.values.flatMap(\.rows) {
            #expect(row.columns == ["sample", "n"])
            let samples = try #require(row["sample"]?.listValue)
            let numbers = try #require(row["n"]?.listValue)
            #expect(samples.count == 3 && numbers.count == 3)
            // Each draw is one whole data row: the columns stay paired.
            for (sample, number) in zip(samples, numbers) {
                #expect(sample == .string("sample \(number.intValue ?? -1)"))
            }
        }
    }

    @Test func batchesAreTheSameWhateverOrderTheyAreAskedIn() async throws {
        let step = DataSampler(data: Self.data, size: 2, samples: 23, seed: 5)
        let forward = try await allBatches(step, batchSize: 5, order: [0, 1, 2, 3, 4])
        let shuffled = try await allBatches(step, batchSize: 5, order: [3, 0, 4, 2, 1, 3])
        for k in 0..<5 { #expect(forward[k]!.rows == shuffled[k]!.rows, "batch \(k)") }
        // A second sampler built from the same data (a new load, as a resumed process makes) draws the same rows.
        var again = DataSampler(data: Self.data, size: 2, samples: 23, seed: 5)
        try await again.load(context: testContext)
        let second = try await allBatches(again, batchSize: 5, order: [4, 3, 2, 1, 0])
        for k in 0..<5 { #expect(second[k]!.rows == forward[k]!.rows, "batch \(k)") }
        // Rows depend on their index alone, so other batch sizes cut the same rows.
        let single = try await step.batch(offset: 0, size: 23, context: testContext)
        #expect(single.rows == (0..<5).flatMap { forward[$0]!.rows })
    }

    @Test func theSeedChangesTheDrawsAndTheSignature() async throws {
        let a = DataSampler(data: Self.data, size: 4, samples: 20, seed: 1)
        let b = DataSampler(data: Self.data, size: 4, samples: 20, seed: 2)
        let rowsA = try await a.batch(offset: 0, size: 20, context: testContext).rows
        let rowsB = try await b.batch(offset: 0, size: 20, context: testContext).rows
        #expect(rowsA != rowsB)
        #expect(a.configuration != b.configuration)
        #expect(try await a.dataFingerprint() == b.dataFingerprint())
        let fewer = DataSampler(data: Self.data.dropLast(), size: 4, samples: 20, seed: 1)
        #expect(try await a.dataFingerprint() != fewer.dataFingerprint())
        // Draws cover the data: 80 draws of 30 rows hit most of them.
        let drawn = Set(rowsA.flatMap { $0["n"]?.listValue ?? [] })
        #expect(drawn.count > 15)
    }

    @Test func invalidSettingsFailAtLoad() async throws {
        for (step, option) in [
            (DataSampler(data: [], size: 2, samples: 3), "data"),
            (DataSampler(data: Self.data, size: 0, samples: 3), "size"),
            (DataSampler(data: Self.data, size: 1, samples: -1), "samples"),
        ] {
            var step = step
            do {
                try await step.load(context: testContext)
                Issue.record("expected an error for \(option)")
            } catch let error as PipelineError {
                guard case .invalidOption(_, let named, _) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(named == option)
            }
        }
    }

    @Test func aDrawWithAColumnTheFirstLacksFailsAsPythonsKeyError() async throws {
        let step = DataSampler(data: [["a": 1], ["a": 2, "b": 3]], size: 8, samples: 20)
        do {
            _ = try await step.batch(offset: 0, size: 20, context: testContext)
            Issue.record("expected an error")
        } catch let error as PipelineError {
            guard case .invalidRow(_, _, "b", _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
        // Python's rule row by row: a first draw with more columns than later ones gives shorter lists; a later
        // draw with a column the first lacks fails.
        let subset = DataSampler(data: [["a": 1, "b": 2], ["a": 3]], size: 3, samples: 40)
        var shorter = 0
        var failures = 0
        for index in 0..<40 {
            do {
                let row = try #require(try await subset.batch(offset: index, size: 1, context: testContext).rows.first)
                #expect(row["a"]?.listValue?.count == 3)
                if let b = row["b"]?.listValue {
                    #expect(row.columns == ["a", "b"] && b.allSatisfy { $0 == 2 })
                    if b.count < 3 { shorter += 1 }
                } else {
                    #expect(row["a"] == [3, 3, 3])
                }
            } catch let error as PipelineError {
                guard case .invalidRow(_, index, "b", _) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                failures += 1
            }
        }
        #expect(shorter > 0 && failures > 0)
    }

    private func pipeline(counter: MockLLM.Counter, latency: Duration = .zero) throws -> Pipeline {
        try Pipeline(name: "sampler") { p in
            p.add(DataSampler(data: Self.data, size: 2, samples: 40, seed: 11), name: "sampler", batchSize: 6)
                >>> p.add(
                    ClosureStep(typeName: "Instruction", inputs: ["sample"], outputs: ["instruction"]) { rows, _ in
                        rows.map { row in
                            var row = row
                            let parts = row["sample"]?.listValue?.compactMap(\.stringValue) ?? []
                            row["instruction"] = .string(parts.joined(separator: " + "))
                            return row
                        }
                    }, name: "prompt", inputBatchSize: 4)
                >>> p.add(
                    TextGeneration(llm: MockLLM(latency: latency, requests: counter)), name: "gen", inputBatchSize: 5,
                    replicas: 2)
                >>> p.add(KeepColumns(["sample", "n", "instruction", "generation"]), name: "keep")
        }
    }

    @Test func aStoppedAndResumedRunGivesTheRowsOfAnUninterruptedOne() async throws {
        let uninterrupted = try await pipeline(counter: MockLLM.Counter()).run(options: RunOptions(logger: quietLogger))
        #expect(uninterrupted.rows.count == 40)
        #expect(try pipeline(counter: MockLLM.Counter()).replayedSteps == ["sampler"])

        let store = InMemoryExecutionStore()
        let counter = MockLLM.Counter()
        let stop = StopSignal()
        let watcher = Task {
            while counter.value < 12 { try await Task.sleep(for: .milliseconds(1)) }
            stop.requestStop()
        }
        defer { watcher.cancel() }
        let stopped = try await pipeline(counter: counter, latency: .milliseconds(3)).run(
            store: store, options: RunOptions(stop: stop, logger: quietLogger))
        #expect(!stopped.isComplete)
        #expect(counter.value >= 12 && counter.value < 40)
        let resumed = try await pipeline(counter: counter).run(store: store, options: RunOptions(logger: quietLogger))
        #expect(resumed.isComplete)
        #expect(resumed.rows == uninterrupted.rows)
        // Each row was generated once: the resumed run replayed the sampler's batches for the rows still missing.
        #expect(counter.value == 40)
    }
}
