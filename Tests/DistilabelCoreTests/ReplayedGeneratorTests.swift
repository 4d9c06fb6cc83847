import Distilabel
import DistilabelTesting
import Synchronization
import Testing

/// `LoadDataFromDicts` replays its batches: the store keeps only their records, and a resumed run produces the rows
/// again when a successor needs them.
@Suite struct ReplayedGeneratorTests {
    private func pipeline(counter: MockLLM.Counter, latency: Duration = .zero) throws -> Pipeline {
        try Pipeline(name: "replay") { p in
            p.add(LoadDataFromDicts(rows: numberedRows(60)), name: "load", batchSize: 7)
                >>> p.add(
                    TextGeneration(llm: MockLLM(latency: latency, requests: counter)), name: "gen", inputBatchSize: 4,
                    replicas: 2)
                >>> p.add(KeepColumns(["id", "generation"]), name: "keep", inputBatchSize: 9)
        }
    }

    @Test func aNonLeafReplayingGeneratorSavesRecordsWithoutRows() async throws {
        let store = InMemoryExecutionStore()
        let counter = MockLLM.Counter()
        let configured = try pipeline(counter: counter)
        #expect(configured.replayedSteps == ["load"])
        let output = try await configured.run(store: store, options: RunOptions(logger: quietLogger))
        #expect(output.rows.map { $0["id"] } == (0..<60).map { .int(Int64($0)) })
        let signature = try await PipelineSignature.compute(for: configured)
        let load = StepKey(name: "load", cacheKey: signature.stepKeys["load"]!)
        let records = try await store.savedBatches(for: load)
        #expect(records.count == 9)
        #expect(records.values.map(\.rowCount).reduce(0, +) == 60)
        for sequence in records.keys { #expect(try await store.loadRows(for: load, batch: sequence).isEmpty) }
        let gen = StepKey(name: "gen", cacheKey: signature.stepKeys["gen"]!)
        #expect(try await store.loadRows(for: gen, batch: 0).count == 4)
    }

    @Test func aLeafGeneratorKeepsItsRows() throws {
        let alone = try Pipeline(name: "alone") { p in
            p.add(LoadDataFromDicts(rows: numberedRows(3)), name: "load")
        }
        #expect(alone.replayedSteps.isEmpty)
    }

    @Test func aStoppedRunResumesByReplayingTheGenerator() async throws {
        let store = InMemoryExecutionStore()
        let counter = MockLLM.Counter()
        let stop = StopSignal()
        let watcher = Task {
            while counter.value < 20 { try await Task.sleep(for: .milliseconds(1)) }
            stop.requestStop()
        }
        defer { watcher.cancel() }
        let stopped = try await pipeline(counter: counter, latency: .milliseconds(3)).run(
            store: store, options: RunOptions(stop: stop, logger: quietLogger))
        #expect(!stopped.isComplete)
        let before = counter.value
        #expect(before >= 20 && before < 60)
        let resumed = try await pipeline(counter: counter).run(store: store, options: RunOptions(logger: quietLogger))
        #expect(resumed.isComplete)
        #expect(resumed.rows.map { $0["id"] } == (0..<60).map { .int(Int64($0)) })
        #expect(resumed.rows.allSatisfy { $0["generation"]?.stringValue?.hasPrefix("Response") == true })
        // Every row was generated once: the replayed batches fed only the rows the stopped run had not answered.
        #expect(counter.value == 60)
    }
}
