/// The text generated for one conversation, with token counts for statistics.
public struct GeneratedText: Sendable, Equatable {
    /// Why generation ended.
    public enum StopReason: Sendable, Equatable {
        /// The model produced an end-of-generation token (not part of the text).
        case endOfGeneration(token: Int32)
        /// A stop string appeared; the text ends just before it.
        case stopString(String)
        /// ``GenerationOptions/maxNewTokens`` tokens were generated.
        case maxNewTokens
        /// The sequence reached the context length.
        case contextFull
    }

    /// The generated text.
    public var text: String
    /// Tokens in the rendered prompt.
    public var inputTokenCount: Int
    /// Tokens generated (an end-of-generation token is not counted).
    public var outputTokenCount: Int
    /// Why generation ended.
    public var stopReason: StopReason

    public init(text: String, inputTokenCount: Int, outputTokenCount: Int, stopReason: StopReason) {
        self.text = text
        self.inputTokenCount = inputTokenCount
        self.outputTokenCount = outputTokenCount
        self.stopReason = stopReason
    }
}
