/// The mutable state for running a ``LlamaModel`` on several sequences: one key/value cache per sequence and
/// scratch buffers.
///
/// Not thread-safe: use one context from one task at a time. Several contexts may share one model.
///
/// ```swift
/// let context = LlamaContext(model: model, sequenceCount: 2)
/// let first = try context.evaluate([(sequence: 0, tokens: promptA), (sequence: 1, tokens: promptB)])
/// let next = try context.evaluate([(sequence: 0, tokens: [tokenA]), (sequence: 1, tokens: [tokenB])])
/// ```
public final class LlamaContext {
    /// The model this context runs.
    public let model: LlamaModel
    /// The longest a sequence may grow (at most the model's trained context length).
    public let contextLength: Int
    let caches: [KVCache]
    let workspace: Workspace

    /// A context for `sequenceCount` sequences of up to `contextLength` tokens (default: the model's).
    ///
    /// - Parameters:
    ///   - rowsPerPass: how many token rows one forward pass processes; prompts longer than this are evaluated in
    ///     chunks.
    ///   - arithmetic: how weight matrices multiply activations.
    public init(
        model: LlamaModel, sequenceCount: Int, contextLength: Int? = nil, rowsPerPass: Int = 32,
        arithmetic: ProductArithmetic = .integer
    ) {
        self.model = model
        let hp = model.hyperParameters
        self.contextLength = min(contextLength ?? hp.contextLength, hp.contextLength)
        caches = (0..<max(1, sequenceCount)).map { _ in
            KVCache(layerCount: hp.layerCount, width: hp.keyValueDimension)
        }
        workspace = Workspace(hyperParameters: hp, rowCapacity: max(1, rowsPerPass), arithmetic: arithmetic)
    }

    /// The number of sequences.
    public var sequenceCount: Int { caches.count }

    /// The number of tokens sequence `sequence` holds.
    public func length(of sequence: Int) -> Int { caches[sequence].length }

    /// Forgets sequence `sequence`'s tokens (its memory is kept for reuse).
    public func reset(_ sequence: Int) { caches[sequence].length = 0 }

    /// Bytes held by the key/value caches.
    public var cacheBytes: Int { caches.reduce(0) { $0 + $1.allocatedBytes } }

    /// Appends each item's tokens to its sequence and returns, per item, the logits that follow its last token.
    ///
    /// Rows of all items share each pass over the weights: with one token per sequence this is a batched decoding
    /// step, with a whole prompt it is prompt processing.
    public func evaluate(_ items: [(sequence: Int, tokens: [Int32])]) throws(GGUFError) -> [[Float]] {
        let vocabulary = model.hyperParameters.vocabularySize
        var rows: [ForwardRow] = []
        var lengths = caches.map(\.length)
        for item in items {
            guard !item.tokens.isEmpty else { throw .emptyInput(sequence: item.sequence) }
            let cache = caches[item.sequence]
            guard lengths[item.sequence] + item.tokens.count <= contextLength else {
                throw .contextFull(sequence: item.sequence, contextLength: contextLength)
            }
            for (k, token) in item.tokens.enumerated() {
                guard token >= 0, Int(token) < vocabulary else {
                    throw .tokenOutOfRange(token: token, vocabularySize: vocabulary)
                }
                rows.append(
                    ForwardRow(
                        cache: cache, token: token, position: lengths[item.sequence],
                        wantsLogits: k == item.tokens.count - 1))
                lengths[item.sequence] += 1
            }
        }
        var logits: [[Float]] = []
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + workspace.rowCapacity)
            logits += model.forward(Array(rows[start..<end]), workspace: workspace)
            start = end
        }
        return logits
    }
}
