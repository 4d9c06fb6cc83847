import Synchronization

/// One batch of a step's output on its way to the step's successors.
///
/// A batch produced in this run holds its rows; a batch reused from the store holds only its record and loads its
/// rows when a successor actually has to process them, so that resuming a long run reads only what it needs.
final class BatchHandle: Sendable {
    /// The producing step.
    let step: String
    /// The batch's sequence number in the step's output.
    let sequence: Int
    let rowCount: Int
    /// Names this exact content: producing step's cache key, sequence number and version. Successors hash it into
    /// the lineage of their own batches.
    let identity: String
    /// For batches in a routed branch: the routing source's batch this one derives from.
    let origin: Int?
    /// Whether this is the last batch derived from `origin`.
    let closesOrigin: Bool
    private let loader: (@Sendable () async throws -> [Row])?
    private let cache: Mutex<[Row]?>

    init(
        step: String, sequence: Int, identity: String, rows: [Row], origin: Int? = nil, closesOrigin: Bool = false
    ) {
        self.step = step
        self.sequence = sequence
        self.rowCount = rows.count
        self.identity = identity
        self.origin = origin
        self.closesOrigin = closesOrigin
        self.loader = nil
        self.cache = Mutex(rows)
    }

    init(
        step: String, sequence: Int, identity: String, rowCount: Int, origin: Int?, closesOrigin: Bool,
        loader: @escaping @Sendable () async throws -> [Row]
    ) {
        self.step = step
        self.sequence = sequence
        self.rowCount = rowCount
        self.identity = identity
        self.origin = origin
        self.closesOrigin = closesOrigin
        self.loader = loader
        self.cache = Mutex(nil)
    }

    /// The batch's rows, loaded from the store the first time when needed.
    func rows() async throws -> [Row] {
        if let rows = cache.withLock({ $0 }) { return rows }
        guard let loader else { return [] }
        let rows = try await loader()
        guard rows.count == rowCount else {
            throw PipelineError.store(
                "The saved rows of step '\(step)', batch \(sequence) number \(rows.count) where its record says "
                    + "\(rowCount): the cache is inconsistent. Re-run with --ignore-cache.")
        }
        cache.withLock { $0 = rows }
        return rows
    }

    /// Drops loaded rows once no successor needs them.
    func releaseRows() {
        if loader != nil { cache.withLock { $0 = nil } }
    }
}

/// A range of rows of one upstream batch.
struct BatchSlice: Sendable {
    let batch: BatchHandle
    let range: Range<Int>

    func rows() async throws -> ArraySlice<Row> {
        try await batch.rows()[range]
    }
}

/// One input batch of a processing step: for each predecessor, the slices that make up its rows.
struct InputBatch: Sendable {
    let sequence: Int
    /// One list of slices per predecessor, in predecessor order.
    let parts: [[BatchSlice]]
    let origin: Int?
    let closesOrigin: Bool

    /// A hash of exactly which upstream rows make up this batch: equal lineages mean equal inputs.
    var lineage: String {
        var hasher = SHA1()
        for (index, part) in parts.enumerated() {
            hasher.update("p\(index)")
            for slice in part {
                hasher.update("|\(slice.batch.identity)[\(slice.range.lowerBound),\(slice.range.upperBound))")
            }
        }
        return hasher.hexDigest()
    }

    var rowCount: Int { parts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.range.count } } }

    /// The rows, one list per predecessor.
    func rows() async throws -> [[Row]] {
        var result: [[Row]] = []
        result.reserveCapacity(parts.count)
        for part in parts {
            var rows: [Row] = []
            for slice in part { rows.append(contentsOf: try await slice.rows()) }
            result.append(rows)
        }
        return result
    }
}
