/// A generator over rows given inline.
///
/// The rows are kept column by column (``InlineRows``), so a large inline dataset costs little more than its
/// values; pass a lazy sequence (`(0..<n).lazy.map { … }`) and the rows never exist in memory all at once.
public struct LoadDataFromDicts: GeneratorStep {
    /// The rows, stored compactly.
    public let data: InlineRows

    /// A generator over `rows`, read once, in order.
    public init(rows: some Sequence<Row>) {
        data = InlineRows(rows)
    }

    /// A generator over rows already stored compactly.
    public init(data: InlineRows) {
        self.data = data
    }

    /// The rows, rebuilt (this allocates every row: prefer ``data`` for large datasets).
    public var rows: [Row] { data.allRows }

    public var outputs: [String] { data.columnNames(inFirst: 1000) }

    public func columns(after available: [String]) -> [String] { outputs }

    public var totalRows: Int? { data.count }

    /// The batches can be produced again at no cost from the data, which is in the signature: the cache keeps
    /// only their records.
    public var replaysBatches: Bool { true }

    /// The rows' content is in the signature: changing the data recomputes the pipeline. The SHA-1 of every row's
    /// compact JSON, one line each.
    public func dataFingerprint() async throws -> String? {
        var hasher = SHA1()
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 16)
        data.forEachJSONLine { line in
            chunk.append(contentsOf: line)
            chunk.append(0x0A)
            if chunk.count >= 1 << 16 {
                hasher.update(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        hasher.update(chunk)
        return hasher.hexDigest()
    }

    public func batch(offset: Int, size: Int, context: StepContext) async throws -> GeneratedBatch {
        let end = min(offset + size, data.count)
        return GeneratedBatch(rows: data.rows(in: offset..<end), isLast: end >= data.count)
    }
}
