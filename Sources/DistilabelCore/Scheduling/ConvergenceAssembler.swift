/// For a convergence step: for each batch of the routing source, in order, the outputs of the predecessors that
/// received it (in predecessor order) are joined and cut into input batches of `size` rows.
///
/// Which predecessors received routed batch `k` is known from the routing function, so the result never depends
/// on which branch finished first.
struct ConvergenceAssembler: InputAssembler {
    let channels: [BoundedChannel<BatchHandle>]
    let predecessorNames: [String]
    let routedSuccessors: [String]
    let routing: RoutingBatchFunction
    let size: Int
    private var lookahead: [BatchHandle?]
    private var ended: [Bool]
    private var origin = 0
    private var ready: [InputBatch] = []
    private var sequence = 0

    init(
        channels: [BoundedChannel<BatchHandle>], predecessorNames: [String], routedSuccessors: [String],
        routing: RoutingBatchFunction, size: Int
    ) {
        self.channels = channels
        self.predecessorNames = predecessorNames
        self.routedSuccessors = routedSuccessors
        self.routing = routing
        self.size = size
        self.lookahead = Array(repeating: nil, count: channels.count)
        self.ended = Array(repeating: false, count: channels.count)
    }

    private mutating func peek(_ index: Int) async throws -> BatchHandle? {
        if let batch = lookahead[index] { return batch }
        if ended[index] { return nil }
        if let batch = try await channels[index].receive() {
            lookahead[index] = batch
            return batch
        }
        ended[index] = true
        return nil
    }

    private var interrupted: Bool {
        channels.indices.contains { ended[$0] && channels[$0].end == .interrupted }
    }

    mutating func next() async throws -> AssembledInput {
        while ready.isEmpty {
            let chosen = Set(routing.successors(forBatch: origin, among: routedSuccessors))
            let targets = predecessorNames.indices.filter { chosen.contains(predecessorNames[$0]) }
            if targets.isEmpty {
                // No branch of ours received this batch: skip to the next origin any branch still has, or end.
                var nextOrigin: Int?
                for index in channels.indices {
                    if let batch = try await peek(index), let batchOrigin = batch.origin {
                        nextOrigin = min(nextOrigin ?? batchOrigin, batchOrigin)
                    }
                }
                if interrupted { return .interrupted }
                guard let nextOrigin, nextOrigin > origin else { return .end }
                origin = nextOrigin
                continue
            }
            var slices: [BatchSlice] = []
            for index in targets {
                while true {
                    guard let batch = try await peek(index) else {
                        if interrupted { return .interrupted }
                        // The routing source ended before this origin: nothing more to gather.
                        return .end
                    }
                    guard batch.origin == origin else {
                        throw PipelineError.stepFailed(
                            step: predecessorNames[index],
                            message: "routed batch for origin \(origin) expected, got \(batch.origin ?? -1)")
                    }
                    lookahead[index] = nil
                    if batch.rowCount > 0 { slices.append(BatchSlice(batch: batch, range: 0..<batch.rowCount)) }
                    if batch.closesOrigin { break }
                }
            }
            cut(slices)
            origin += 1
        }
        return .batch(ready.removeFirst())
    }

    /// Cuts one origin's slices into input batches of `size` rows (an empty origin into one empty batch).
    private mutating func cut(_ slices: [BatchSlice]) {
        var pending = PendingRows()
        for slice in slices {
            pending.append(slice.batch)
        }
        let total = pending.rowCount
        var produced = 0
        repeat {
            let parts = pending.take(size)
            produced += parts.reduce(0) { $0 + $1.range.count }
            ready.append(
                InputBatch(sequence: sequence, parts: [parts], origin: origin, closesOrigin: produced == total))
            sequence += 1
        } while produced < total
    }
}
