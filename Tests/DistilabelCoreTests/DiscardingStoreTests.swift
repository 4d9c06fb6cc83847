import Distilabel
import DistilabelTesting
import Testing

@Suite struct DiscardingStoreTests {
    @Test func runKeepsNothingByDefaultAndAnInMemoryStoreIsReused() async throws {
        let counter = MockLLM.Counter()
        let pipeline = try Pipeline(name: "discarding") { p in
            p.add(LoadDataFromDicts(rows: numberedRows(12)), name: "load", batchSize: 5)
                >>> p.add(TextGeneration(llm: MockLLM(requests: counter)), name: "gen", inputBatchSize: 4)
        }
        let first = try await pipeline.run(options: RunOptions(logger: quietLogger))
        let second = try await pipeline.run(options: RunOptions(logger: quietLogger))
        #expect(first.rows == second.rows)
        #expect(first.rows.map { $0["id"] } == (0..<12).map { .int(Int64($0)) })
        #expect(counter.value == 24)
        let store = InMemoryExecutionStore()
        _ = try await pipeline.run(store: store, options: RunOptions(logger: quietLogger))
        let reused = try await pipeline.run(store: store, options: RunOptions(logger: quietLogger))
        #expect(counter.value == 36)
        #expect(reused.rows == first.rows)
    }
}
