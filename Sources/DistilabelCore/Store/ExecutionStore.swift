/// Where a run keeps each step's finished batches, so that a later run of the same pipeline can reuse them.
///
/// The engine calls the store from many tasks at once. The contract that makes resume exact:
/// - a record returned by ``savedBatches(for:)`` always comes with its rows (rows durable first, then the record);
/// - a batch is never reported with a status other than the one saved: failed batches stay failed until they are
///   computed again;
/// - what a store loses in a crash (the last commit interval, say) is simply computed again by the next run.
public protocol ExecutionStore: Sendable {
    /// Called once before any step runs.
    func open(_ plan: ExecutionPlan) async throws

    /// The batches saved for `step` by earlier runs, by sequence number.
    func savedBatches(for step: StepKey) async throws -> [Int: BatchRecord]

    /// The rows of a saved batch.
    func loadRows(for step: StepKey, batch: Int) async throws -> [Row]

    /// Saves a batch a step has just computed.
    func save(_ record: BatchRecord, rows: [Row], for step: StepKey) async throws

    /// Records that `step` produced all its batches: `batchCount` of them.
    func finish(_ step: StepKey, batchCount: Int) async throws

    /// Makes everything saved so far durable and releases resources. `completed` tells whether every step
    /// finished.
    func close(completed: Bool) async throws
}

/// What a run is about to execute, for the store.
public struct ExecutionPlan: Sendable {
    public var pipelineName: String
    /// The pipeline's signature.
    public var signature: String
    /// Every step's key, in topological order.
    public var steps: [StepKey]
    /// The leaf steps' names.
    public var leaves: [String]
    /// Whether saved batches may be reused (false: recompute everything).
    public var useCache: Bool
    /// Generators that save only their batches' records, with no rows (``GeneratorStep/replaysBatches``, not
    /// leaves): their saved batches are reusable without rows.
    public var replayedSteps: Set<String>

    public init(
        pipelineName: String, signature: String, steps: [StepKey], leaves: [String], useCache: Bool,
        replayedSteps: Set<String> = []
    ) {
        self.pipelineName = pipelineName
        self.signature = signature
        self.steps = steps
        self.leaves = leaves
        self.useCache = useCache
        self.replayedSteps = replayedSteps
    }
}
