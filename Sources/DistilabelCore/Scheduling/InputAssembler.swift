/// What an input assembler hands to its step next.
enum AssembledInput: Sendable {
    case batch(InputBatch)
    /// Every predecessor finished and every row was handed over.
    case end
    /// A predecessor stopped early: the run is stopping.
    case interrupted
}

/// Cuts the batches arriving from a step's predecessors into the step's input batches.
///
/// The cut depends only on the upstream batches' sequence and sizes, never on timing: input batch `k` of a run is
/// input batch `k` of every run over the same upstream batches. That is what lets a resumed run recognise the
/// batches it already computed (by their lineage) and compute only the others.
protocol InputAssembler: Sendable {
    mutating func next() async throws -> AssembledInput
}

/// A queue of one predecessor's rows: batches received and not yet fully handed over.
struct PendingRows {
    var batches: [BatchHandle] = []
    var offset = 0
    var rowCount = 0
    var end: BoundedChannel<BatchHandle>.End?

    mutating func append(_ batch: BatchHandle) {
        batches.append(batch)
        rowCount += batch.rowCount
    }

    /// Takes up to `count` rows as slices.
    mutating func take(_ count: Int) -> [BatchSlice] {
        var slices: [BatchSlice] = []
        var needed = count
        while needed > 0, let first = batches.first {
            let available = first.rowCount - offset
            let taken = min(available, needed)
            slices.append(BatchSlice(batch: first, range: offset..<(offset + taken)))
            offset += taken
            needed -= taken
            rowCount -= taken
            if offset == first.rowCount {
                batches.removeFirst()
                offset = 0
            }
        }
        // Empty batches at the front carry no rows: drop them so they never block the end.
        while let first = batches.first, first.rowCount == 0 {
            batches.removeFirst()
            offset = 0
        }
        return slices
    }
}

/// Input batch `k` holds rows `[k × size, (k + 1) × size)` of each predecessor's output stream.
struct SequentialAssembler: InputAssembler {
    let channels: [BoundedChannel<BatchHandle>]
    let size: Int
    private var pending: [PendingRows]
    private var sequence = 0

    init(channels: [BoundedChannel<BatchHandle>], size: Int) {
        self.channels = channels
        self.size = size
        self.pending = Array(repeating: PendingRows(), count: channels.count)
    }

    mutating func next() async throws -> AssembledInput {
        for index in channels.indices {
            while pending[index].rowCount < size && pending[index].end == nil {
                if let batch = try await channels[index].receive() {
                    pending[index].append(batch)
                } else {
                    pending[index].end = channels[index].end ?? .complete
                }
            }
        }
        if pending.contains(where: { $0.end == .interrupted && $0.rowCount < size }) { return .interrupted }
        if pending.allSatisfy({ $0.rowCount == 0 }) { return .end }
        let parts = pending.indices.map { pending[$0].take(size) }
        defer { sequence += 1 }
        return .batch(InputBatch(sequence: sequence, parts: parts, origin: nil, closesOrigin: false))
    }
}

/// For a step that receives routed batches: each routed batch is cut into input batches of `size` rows (an empty
/// one into one empty batch), each remembering the routed batch it came from.
struct RoutedAssembler: InputAssembler {
    let channel: BoundedChannel<BatchHandle>
    let size: Int
    private var current: BatchHandle?
    private var offset = 0
    private var sequence = 0

    init(channel: BoundedChannel<BatchHandle>, size: Int) {
        self.channel = channel
        self.size = size
    }

    mutating func next() async throws -> AssembledInput {
        if current == nil {
            guard let batch = try await channel.receive() else {
                return channel.end == .interrupted ? .interrupted : .end
            }
            current = batch
            offset = 0
        }
        let batch = current!
        let upper = min(batch.rowCount, offset + size)
        let slice = BatchSlice(batch: batch, range: offset..<upper)
        let closes = upper == batch.rowCount
        offset = upper
        if closes { current = nil }
        defer { sequence += 1 }
        return .batch(InputBatch(sequence: sequence, parts: [[slice]], origin: batch.sequence, closesOrigin: closes))
    }
}

/// For a global step: everything from every predecessor, in one batch.
struct GlobalAssembler: InputAssembler {
    let channels: [BoundedChannel<BatchHandle>]
    private var done = false

    init(channels: [BoundedChannel<BatchHandle>]) {
        self.channels = channels
    }

    mutating func next() async throws -> AssembledInput {
        guard !done else { return .end }
        var parts: [[BatchSlice]] = []
        for channel in channels {
            var slices: [BatchSlice] = []
            while let batch = try await channel.receive() {
                slices.append(BatchSlice(batch: batch, range: 0..<batch.rowCount))
            }
            if channel.end == .interrupted { return .interrupted }
            parts.append(slices)
        }
        done = true
        return .batch(InputBatch(sequence: 0, parts: parts, origin: nil, closesOrigin: false))
    }
}
