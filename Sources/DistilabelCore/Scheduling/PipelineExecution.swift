public import Logging

/// Options of one run.
public struct RunOptions: Sendable {
    /// Runtime parameter values by step.
    public var parameters: RuntimeParameters
    /// Whether batches saved by earlier runs may be reused.
    public var useCache: Bool
    /// Whether to gather leaf rows in memory for ``PipelineOutput/leafRows``.
    public var collectLeafRows: Bool
    /// Set to stop the run gracefully.
    public var stop: StopSignal
    /// Live counters, for progress displays.
    public var progress: ExecutionProgress?
    public var logger: Logger
    /// The folder shared by every execution of the pipeline's name, for caches that outlive one signature (LLM
    /// responses); set by the durable cache.
    public var pipelineCacheDirectory: String?

    public init(
        parameters: RuntimeParameters = [:], useCache: Bool = true, collectLeafRows: Bool = true,
        stop: StopSignal = StopSignal(), progress: ExecutionProgress? = nil,
        logger: Logger = Logger(label: "distilabel")
    ) {
        self.parameters = parameters
        self.useCache = useCache
        self.collectLeafRows = collectLeafRows
        self.stop = stop
        self.progress = progress
        self.logger = logger
    }
}

extension Pipeline {
    /// Runs the pipeline with `store` keeping every step's batches: by default nothing is kept
    /// (``DiscardingExecutionStore``); an ``InMemoryExecutionStore`` lets later runs in this process reuse them, and
    /// the cache module's durable store survives crashes.
    ///
    /// The rows of each leaf come out in the order the generators produced them, whatever the replica counts or
    /// timing.
    public func run(
        parameters: RuntimeParameters = [:], store: any ExecutionStore = DiscardingExecutionStore(),
        options: RunOptions = RunOptions()
    ) async throws -> PipelineOutput {
        var options = options
        if !parameters.isEmpty { options.parameters = parameters }
        let configured = try applying(options.parameters)
        let signature = try await PipelineSignature.compute(for: configured)
        return try await configured.execute(signature: signature, store: store, options: options)
    }

    /// Runs a pipeline whose runtime parameters are applied and whose signature is computed.
    ///
    /// `opened` is called once the store is open, before any step runs.
    public func execute(
        signature: PipelineSignature, store: any ExecutionStore, options: RunOptions,
        opened: (@Sendable (any ExecutionStore) async throws -> Void)? = nil
    ) async throws -> PipelineOutput {
        let order = topologicalOrder
        let keys = Dictionary(
            uniqueKeysWithValues: order.map { ($0, StepKey(name: $0, cacheKey: signature.stepKeys[$0]!)) })
        let leaves = leafNames
        try await store.open(
            ExecutionPlan(
                pipelineName: name, signature: signature.signature, steps: order.map { keys[$0]! }, leaves: leaves,
                useCache: options.useCache, replayedSteps: replayedSteps))
        do {
            try await opened?(store)
        } catch {
            try? await store.close(completed: false)
            throw error
        }
        let progress = options.progress ?? ExecutionProgress(steps: order)
        let channels = makeChannels()
        var sinks: [String: BoundedChannel<BatchHandle>] = [:]
        for leaf in leaves {
            sinks[leaf] = BoundedChannel(capacity: 4 * max(1, node(leaf)!.effectiveBatchSize)) { $0.rowCount }
        }

        var completed = true
        var leafRows: [String: [Row]] = [:]
        var leafCounts: [String: Int] = [:]
        do {
            try await withThrowingTaskGroup(of: (String, StepOutcome?, [Row], Int).self) { group in
                for name in order {
                    let runner = makeRunner(
                        name, key: keys[name]!, channels: channels, sink: sinks[name], store: store,
                        progress: progress, options: options)
                    group.addTask { (name, try await runner.run(), [], 0) }
                }
                for (leaf, sink) in sinks {
                    let collect = options.collectLeafRows
                    let keepMetadata = enableMetadata
                    group.addTask {
                        var rows: [Row] = []
                        var count = 0
                        while let batch = try await sink.receive() {
                            count += batch.rowCount
                            if collect {
                                let batchRows = try await batch.rows()
                                if keepMetadata {
                                    rows.append(contentsOf: batchRows)
                                } else {
                                    rows.append(
                                        contentsOf: batchRows.map { row in
                                            var row = row
                                            row.removeValue(forColumn: MetadataColumn.name)
                                            return row
                                        })
                                }
                            }
                            batch.releaseRows()
                        }
                        return (leaf, nil, rows, count)
                    }
                }
                for try await (name, outcome, rows, count) in group {
                    if let outcome, case .interrupted = outcome { completed = false }
                    if outcome == nil {
                        leafRows[name] = rows
                        leafCounts[name] = count
                    }
                }
            }
        } catch {
            try? await store.close(completed: false)
            throw error
        }
        try await store.close(completed: completed)
        return PipelineOutput(
            signature: signature.signature, leafRows: leafRows, leafRowCounts: leafCounts, isComplete: completed,
            progress: progress.snapshot)
    }

    /// The generators whose batches are saved without rows: replaying, and not leaves.
    public var replayedSteps: Set<String> {
        let leaves = Set(leafNames)
        return Set(
            nodes.filter { node in
                !leaves.contains(node.name) && (node.step as? any GeneratorStep)?.replaysBatches == true
            }.map(\.name))
    }

    /// One bounded channel per connection, sized in rows to what the receiving step needs per batch.
    private func makeChannels() -> [String: [String: BoundedChannel<BatchHandle>]] {
        var channels: [String: [String: BoundedChannel<BatchHandle>]] = [:]
        for (from, targets) in connections {
            let producer = node(from)!
            for target in targets {
                let consumer = node(target)!
                let capacity =
                    consumer.kind == .global
                    ? Int.max / 2 : 2 * consumer.options.inputBatchSize + 2 * producer.effectiveBatchSize
                channels[from, default: [:]][target] = BoundedChannel(capacity: capacity) { $0.rowCount }
            }
        }
        return channels
    }

    private func makeRunner(
        _ name: String, key: StepKey, channels: [String: [String: BoundedChannel<BatchHandle>]],
        sink: BoundedChannel<BatchHandle>?, store: any ExecutionStore, progress: ExecutionProgress,
        options: RunOptions
    ) -> StepRunner {
        let node = node(name)!
        let predecessors = predecessors(of: name)
        let inputs = predecessors.map { channels[$0]![name]! }
        let outputs = successors(of: name).map { (name: $0, channel: channels[name]![$0]!) }
        let size = node.options.inputBatchSize
        let makeAssembler: @Sendable () -> any InputAssembler
        if node.kind == .global {
            makeAssembler = { GlobalAssembler(channels: inputs) }
        } else if let source = routingSource(of: name), routing[source] != nil {
            makeAssembler = { RoutedAssembler(channel: inputs[0], size: size) }
        } else if isConvergence(name), let source = routingSource(of: predecessors[0]), let function = routing[source] {
            let siblings = successors(of: source)
            makeAssembler = {
                ConvergenceAssembler(
                    channels: inputs, predecessorNames: predecessors, routedSuccessors: siblings, routing: function,
                    size: size)
            }
        } else {
            makeAssembler = { SequentialAssembler(channels: inputs, size: size) }
        }
        return StepRunner(
            node: node, key: key, inputs: inputs, outputs: outputs, sink: sink, routing: routing[name],
            makeAssembler: makeAssembler, store: store, useCache: options.useCache, progress: progress,
            stop: options.stop, logger: options.logger, pipelineCacheDirectory: options.pipelineCacheDirectory)
    }
}
