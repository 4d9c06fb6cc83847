/// A generator of random samples drawn from rows given inline, as Python distilabel's `DataSampler` (for example,
/// a different set of few-shot examples for every row).
///
/// Produces ``samples`` rows; each row gathers ``size`` rows of ``data`` drawn at random with replacement, as one
/// list per column: sampling `[{"q": "a"}, {"q": "b"}, …]` with `size: 2` gives rows such as `{"q": ["b", "a"]}`.
/// A row's columns are those of its first drawn row, in that order; a drawn row with a column the first lacks
/// fails the batch, as Python's `KeyError` does (give every data row the same columns). The step's outputs are
/// the columns of `data`'s first row.
///
/// **Unlike Python**, sampling is seeded and reproducible: Python draws with the unseeded `random` module, so
/// every run differs, while exact resume needs a generator that produces a batch again identically. Row `i` is a
/// pure function of (`data`, ``seed``, `i`), so batch *k* is the same whichever order batches are asked in, in a
/// resumed run and in the next process; change ``seed`` (default 0) for other samples. The random draws differ
/// from Python's, which cannot be reproduced anyway; the shape of the output is the same.
public struct DataSampler: GeneratorStep {
    /// The rows to draw from, stored compactly.
    public let data: InlineRows
    /// How many data rows each output row gathers (Python's `size`, default 2).
    public var size: Int
    /// How many rows the step produces in all (Python's `samples`, default 100).
    public var samples: Int
    /// The seed of the draws (not in Python, where draws are unseeded).
    public var seed: UInt64

    /// A sampler drawing `size` rows of `data` for each of `samples` output rows.
    public init(data: some Sequence<Row>, size: Int = 2, samples: Int = 100, seed: UInt64 = 0) {
        self.data = InlineRows(data)
        self.size = size
        self.samples = samples
        self.seed = seed
    }

    public var outputs: [String] { data.isEmpty ? [] : data[0].columns }

    public func columns(after available: [String]) -> [String] { outputs }

    public var configuration: Row {
        ["size": .int(Int64(size)), "samples": .int(Int64(samples)), "seed": .int(Int64(bitPattern: seed))]
    }

    public var totalRows: Int? { max(samples, 0) }

    /// Batches are cheap to draw again and fully determined by the data (fingerprinted) and the configuration.
    public var replaysBatches: Bool { true }

    /// The SHA-1 of every data row's compact JSON, one line each.
    public func dataFingerprint() async throws -> String? {
        var hasher = SHA1()
        data.forEachJSONLine { line in
            hasher.update(line)
            hasher.update(CollectionOfOne(0x0A))
        }
        return hasher.hexDigest()
    }

    public mutating func load(context: StepContext) async throws {
        if data.isEmpty {
            throw PipelineError.invalidOption(
                step: context.stepName, option: "data", reason: "it is empty: there is no row to sample from")
        }
        if size < 1 {
            throw PipelineError.invalidOption(step: context.stepName, option: "size", reason: "must be at least 1")
        }
        if samples < 0 {
            throw PipelineError.invalidOption(step: context.stepName, option: "samples", reason: "must not be negative")
        }
    }

    public func batch(offset: Int, size batchSize: Int, context: StepContext) async throws -> GeneratedBatch {
        let end = min(offset + batchSize, samples)
        var rows: [Row] = []
        if offset < end {
            rows.reserveCapacity(end - offset)
            for index in offset..<end { rows.append(try sample(index, context: context)) }
        }
        return GeneratedBatch(rows: rows, isLast: end >= samples)
    }

    /// Output row `index`: `size` data rows drawn with a generator seeded by `seed` and `index` alone, gathered
    /// column by column (Python's `_transform_data`).
    func sample(_ index: Int, context: StepContext) throws -> Row {
        var generator = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        var columns: [String] = []
        var lists: [[Value]] = []
        for draw in 0..<size {
            let position = Int(Self.uniform(below: UInt64(data.count), using: &generator))
            let drawn = data[position]
            if draw == 0 {
                columns = drawn.columns
                lists = Array(repeating: [], count: columns.count)
                lists.indices.forEach { lists[$0].reserveCapacity(size) }
            }
            for (column, value) in zip(drawn.columns, drawn.values) {
                guard let slot = columns.firstIndex(of: column) else {
                    throw PipelineError.invalidRow(
                        step: context.stepName, row: index, column: column,
                        reason: "data row \(position) has this column, which the sample's first row lacks "
                            + "(Python's DataSampler raises KeyError too): give every data row the same columns")
                }
                lists[slot].append(value)
            }
        }
        return Row(columns: columns, values: lists.map(Value.list))
    }

    /// A uniform integer in `0..<bound` (`bound` > 0) by Lemire's multiply-and-reject method, written out so that
    /// the draws never depend on the standard library's implementation.
    static func uniform(below bound: UInt64, using generator: inout SplitMix64) -> UInt64 {
        let threshold = (0 &- bound) % bound
        while true {
            let product = generator.next().multipliedFullWidth(by: bound)
            if product.low >= threshold { return product.high }
        }
    }
}
