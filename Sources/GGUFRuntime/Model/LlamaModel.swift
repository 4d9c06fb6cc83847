/// A llama-family model loaded from a GGUF file, ready to compute next-token logits.
///
/// The weights stay in the memory-mapped file. The model itself is immutable and can be shared; the mutable state
/// of generation (key/value caches) lives in a ``LlamaContext``.
///
/// ```swift
/// let model = try LlamaModel(path: "SmolLM2-135M-Instruct.Q4_1.gguf")
/// let outputs = try model.generate(
///     prompts: [promptIDs], parameters: SamplingParameters(temperature: 0), maxNewTokens: 32)
/// ```
public final class LlamaModel: Sendable {
    /// The GGUF file the weights come from.
    public let file: GGUFFile
    /// The model's shape.
    public let hyperParameters: LlamaHyperParameters
    /// Tokens that end generation: end-of-sequence, end-of-turn and similar, derived from the metadata by the same
    /// rule as ``BPETokenizer/endOfGenerationTokenIDs``.
    public let endOfGenerationTokens: Set<Int32>
    let weights: LlamaWeights
    /// `θ_i = base^(-2i/ropeDimensionCount)` for each rotated pair.
    let ropeFrequencies: [Double]

    /// Opens the GGUF file at `path` and loads the model in it.
    ///
    /// When the file is missing, the error (``GGUFError/modelNotFound(path:)``) prints how to install SmolLM2 with
    /// pip.
    public convenience init(path: String) throws(GGUFError) {
        try self.init(file: try GGUFFile(path: path))
    }

    /// Loads the model in an opened GGUF file; checks every tensor's presence, type and shape.
    public init(file: GGUFFile) throws(GGUFError) {
        self.file = file
        let hp = try LlamaHyperParameters(file: file)
        hyperParameters = hp
        weights = try LlamaWeights(file: file, hyperParameters: hp)
        let pairs = hp.ropeDimensionCount / 2
        ropeFrequencies = (0..<pairs).map {
            pow(Double(hp.ropeFrequencyBase), -2 * Double($0) / Double(hp.ropeDimensionCount))
        }
        endOfGenerationTokens = EndOfGeneration.tokenIDs(in: file.metadata)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
