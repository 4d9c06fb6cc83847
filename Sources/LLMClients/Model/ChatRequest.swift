/// One chat-completion request: a conversation and how to continue it.
public struct ChatRequest: Sendable, Hashable, Codable {
    /// The conversation, oldest message first.
    public var messages: [ChatMessage]
    /// Sampling, limits, number of generations and structured output.
    public var parameters: GenerationParameters

    /// Creates a request.
    public init(messages: [ChatMessage], parameters: GenerationParameters = GenerationParameters()) {
        self.messages = messages
        self.parameters = parameters
    }

    /// The same request asking for `count` generations.
    public func withNumGenerations(_ count: Int) -> ChatRequest {
        var copy = self
        copy.parameters.numGenerations = max(1, count)
        return copy
    }
}
