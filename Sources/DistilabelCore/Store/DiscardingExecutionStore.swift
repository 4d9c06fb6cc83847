/// An ``ExecutionStore`` that keeps nothing: every batch is computed, and no later run can reuse it.
///
/// The default store of ``Pipeline/run(parameters:store:options:)``: a store made for one call could only be read
/// by that same call, which never reads back what it saved, so keeping the rows would only grow memory with the
/// dataset. Pass an ``InMemoryExecutionStore`` to reuse batches across runs in one process, or run with the durable
/// cache to survive crashes.
public struct DiscardingExecutionStore: ExecutionStore {
    public init() {}

    public func open(_ plan: ExecutionPlan) async throws {}

    public func savedBatches(for step: StepKey) async throws -> [Int: BatchRecord] { [:] }

    public func loadRows(for step: StepKey, batch: Int) async throws -> [Row] { [] }

    public func save(_ record: BatchRecord, rows: [Row], for step: StepKey) async throws {}

    public func finish(_ step: StepKey, batchCount: Int) async throws {}

    public func close(completed: Bool) async throws {}
}
