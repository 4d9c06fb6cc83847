/// The shape of a llama-family model, read from the GGUF metadata (`<arch>.block_count` and so on).
public struct LlamaHyperParameters: Sendable, Equatable {
    /// The architecture name (`general.architecture`), which prefixes the other keys.
    public var architecture: String
    /// Transformer blocks (`block_count`).
    public var layerCount: Int
    /// Width of the residual stream (`embedding_length`).
    public var embeddingLength: Int
    /// Hidden width of the feed-forward network (`feed_forward_length`).
    public var feedForwardLength: Int
    /// Query heads (`attention.head_count`).
    public var headCount: Int
    /// Key/value heads (`attention.head_count_kv`; equal to `headCount` when absent).
    public var keyValueHeadCount: Int
    /// Length of one head: `embeddingLength / headCount`.
    public var headDimension: Int
    /// Dimensions rotated by RoPE (`rope.dimension_count`; `headDimension` when absent).
    public var ropeDimensionCount: Int
    /// RoPE θ base (`rope.freq_base`; 10000 when absent).
    public var ropeFrequencyBase: Float
    /// RMSNorm ε (`attention.layer_norm_rms_epsilon`).
    public var rmsNormEpsilon: Float
    /// The context length the model was trained for (`context_length`).
    public var contextLength: Int
    /// Vocabulary size (the token embedding's row count).
    public var vocabularySize: Int

    /// Width of one token's keys (or values) across all KV heads.
    public var keyValueDimension: Int { keyValueHeadCount * headDimension }

    /// Architectures whose GGUF tensors follow llama's naming and math.
    public static let supportedArchitectures: Set<String> = ["llama", "mistral"]

    /// Reads the hyper-parameters of `file`.
    public init(file: GGUFFile) throws(GGUFError) {
        let meta = file.metadata
        let arch = try meta.string("general.architecture")
        guard Self.supportedArchitectures.contains(arch) else { throw .unsupportedArchitecture(arch) }
        architecture = arch
        layerCount = try meta.int("\(arch).block_count")
        embeddingLength = try meta.int("\(arch).embedding_length")
        feedForwardLength = try meta.int("\(arch).feed_forward_length")
        headCount = try meta.int("\(arch).attention.head_count")
        keyValueHeadCount =
            meta.contains("\(arch).attention.head_count_kv")
            ? try meta.int("\(arch).attention.head_count_kv") : headCount
        guard headCount > 0, keyValueHeadCount > 0, headCount % keyValueHeadCount == 0,
            embeddingLength % headCount == 0
        else {
            throw .wrongMetadataType(
                key: "\(arch).attention.head_count", expected: "a multiple of head_count_kv dividing embedding_length",
                found: "\(headCount) heads, \(keyValueHeadCount) KV heads, width \(embeddingLength)")
        }
        headDimension = embeddingLength / headCount
        ropeDimensionCount =
            meta.contains("\(arch).rope.dimension_count") ? try meta.int("\(arch).rope.dimension_count") : headDimension
        ropeFrequencyBase =
            meta.contains("\(arch).rope.freq_base") ? try meta.float("\(arch).rope.freq_base") : 10000
        rmsNormEpsilon = try meta.float("\(arch).attention.layer_norm_rms_epsilon")
        contextLength = meta.contains("\(arch).context_length") ? try meta.int("\(arch).context_length") : 2048
        vocabularySize = try file.tensor(named: "token_embd.weight").rowCount
    }
}
