/// Why a sequence stopped generating.
public enum FinishReason: Sendable, Equatable {
    /// The model produced this stop token (it is not part of the output tokens).
    case stopToken(Int32)
    /// `maxNewTokens` tokens were generated.
    case maxTokens
    /// The per-token callback asked to stop (e.g. a stop string appeared).
    case stoppedByCallback
    /// The sequence reached the context length.
    case contextFull
}

/// The tokens generated for one prompt, and counts for statistics.
public struct GenerationOutput: Sendable, Equatable {
    /// The generated tokens, without the prompt and without a final stop token.
    public var tokens: [Int32]
    /// Why generation stopped.
    public var finishReason: FinishReason
    /// Tokens in the prompt.
    public var promptTokenCount: Int
    /// Tokens generated (equal to `tokens.count`; a stop token is not counted).
    public var generatedTokenCount: Int { tokens.count }
}
