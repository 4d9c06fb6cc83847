/// What a run produced.
public struct PipelineOutput: Sendable {
    /// The pipeline's signature (the cache folder under the pipeline's name).
    public var signature: String
    /// Each leaf step's rows in generator order, by step name (empty when rows were not collected).
    public var leafRows: [String: [Row]]
    /// Each leaf step's row count.
    public var leafRowCounts: [String: Int]
    /// Whether every step finished; false when the run was stopped.
    public var isComplete: Bool
    /// The counters of every step.
    public var progress: [ExecutionProgress.StepProgress]

    public init(
        signature: String, leafRows: [String: [Row]], leafRowCounts: [String: Int], isComplete: Bool,
        progress: [ExecutionProgress.StepProgress]
    ) {
        self.signature = signature
        self.leafRows = leafRows
        self.leafRowCounts = leafRowCounts
        self.isComplete = isComplete
        self.progress = progress
    }

    /// Batches that failed in this run (the step threw), over all steps.
    public var failedBatches: Int { progress.reduce(0) { $0 + $1.batchesFailed } }

    /// The rows of the only leaf step (the common case). Empty when there are several.
    public var rows: [Row] {
        leafRows.count == 1 ? leafRows.values.first! : []
    }
}
