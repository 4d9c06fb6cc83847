/// An ``ExecutionStore`` that keeps batches in memory: reuse within one process (and tests).
public actor InMemoryExecutionStore: ExecutionStore {
    private var records: [StepKey: [Int: BatchRecord]] = [:]
    private var rows: [StepKey: [Int: [Row]]] = [:]
    private var finished: [StepKey: Int] = [:]
    /// How many batches have been saved, for tests.
    public private(set) var saveCount = 0

    public init() {}

    public func open(_ plan: ExecutionPlan) async throws {
        if !plan.useCache {
            records = [:]
            rows = [:]
            finished = [:]
        }
    }

    public func savedBatches(for step: StepKey) async throws -> [Int: BatchRecord] {
        records[step] ?? [:]
    }

    public func loadRows(for step: StepKey, batch: Int) async throws -> [Row] {
        rows[step]?[batch] ?? []
    }

    public func save(_ record: BatchRecord, rows batchRows: [Row], for step: StepKey) async throws {
        rows[step, default: [:]][record.sequence] = batchRows
        records[step, default: [:]][record.sequence] = record
        saveCount += 1
    }

    public func finish(_ step: StepKey, batchCount: Int) async throws {
        finished[step] = batchCount
    }

    public func close(completed: Bool) async throws {}

    /// The number of batches `step` finished with, once it has.
    public func finishedBatchCount(of step: StepKey) -> Int? {
        finished[step]
    }
}
