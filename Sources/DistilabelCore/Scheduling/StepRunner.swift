import Logging

/// How a step's run ended.
enum StepOutcome: Sendable {
    case finished(batchCount: Int)
    case interrupted
}

/// Runs one step of a pipeline: pulls its input batches, reuses the saved ones whose lineage matches, computes the
/// others on its replicas, saves them, and hands every output batch to its successors in sequence order.
struct StepRunner: Sendable {
    let node: PipelineNode
    let key: StepKey
    /// One channel per predecessor, in predecessor order.
    let inputs: [BoundedChannel<BatchHandle>]
    /// One channel per successor, in connection order.
    let outputs: [(name: String, channel: BoundedChannel<BatchHandle>)]
    /// Where a leaf's batches go.
    let sink: BoundedChannel<BatchHandle>?
    let routing: RoutingBatchFunction?
    let makeAssembler: @Sendable () -> any InputAssembler
    let store: any ExecutionStore
    let useCache: Bool
    let progress: ExecutionProgress
    let stop: StopSignal
    let logger: Logger
    let pipelineCacheDirectory: String?

    func context(replica: Int) -> StepContext {
        var logger = logger
        logger[metadataKey: "step"] = .string(node.name)
        return StepContext(
            stepName: node.name, replica: replica, logger: logger, pipelineCacheDirectory: pipelineCacheDirectory,
            ignoreCache: !useCache || !node.options.useCache)
    }

    func savedBatches() async throws -> [Int: BatchRecord] {
        guard useCache && node.options.useCache else { return [:] }
        return try await store.savedBatches(for: key)
    }

    func identity(sequence: Int, version: Int) -> String {
        "\(key.cacheKey):\(sequence):\(version)"
    }

    /// A handle on a saved batch, loading its rows from the store only if a successor needs them.
    func reusedHandle(_ record: BatchRecord) -> BatchHandle {
        let store = self.store
        let key = self.key
        return BatchHandle(
            step: node.name, sequence: record.sequence,
            identity: identity(sequence: record.sequence, version: record.version),
            rowCount: record.rowCount, origin: record.origin, closesOrigin: record.closesOrigin
        ) { try await store.loadRows(for: key, batch: record.sequence) }
    }

    /// Hands a batch to the successors that receive it (all, or those the routing function chooses).
    func emit(_ batch: BatchHandle) async throws {
        if let sink { try await sink.send(batch) }
        if let routing {
            let chosen = Set(routing.successors(forBatch: batch.sequence, among: outputs.map(\.name)))
            for output in outputs where chosen.contains(output.name) { try await output.channel.send(batch) }
        } else {
            for output in outputs { try await output.channel.send(batch) }
        }
    }

    func finishOutputs(_ end: BoundedChannel<BatchHandle>.End) {
        sink?.finish(end)
        for output in outputs { output.channel.finish(end) }
    }

    func run() async throws -> StepOutcome {
        let outcome: StepOutcome
        do {
            outcome = try await node.kind == .generator ? runGenerator() : runProcessing()
        } catch {
            finishOutputs(.interrupted)
            throw error
        }
        switch outcome {
        case .finished(let count):
            try await store.finish(key, batchCount: count)
            progress.finish(step: node.name)
            finishOutputs(.complete)
        case .interrupted:
            finishOutputs(.interrupted)
        }
        return outcome
    }
}
