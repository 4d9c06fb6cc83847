/// The answer to a ``ChatRequest``: one entry per requested generation, failed ones `nil`.
///
/// A generation that failed after the last retry, or whose reply did not satisfy the request's JSON schema, is
/// `nil` in ``generations`` and its error is at the same index in ``errors``; the other generations are kept.
public struct ChatResponse: Sendable {
    /// The generated texts, `numGenerations` of them; `nil` where a generation failed.
    public var generations: [String?]
    /// Why each generation failed, at the same index; `nil` for a successful one.
    public var errors: [LLMClientError?]
    /// Prompt tokens reported by the server, summed over the requests sent (0 for answers from a cache).
    public var inputTokens: Int
    /// Completion tokens reported by the server, summed over the requests sent.
    public var outputTokens: Int
    /// The raw response bodies received, in arrival order (empty when everything came from a cache).
    public var rawResponses: [String]
    /// How many generations were answered by a ``ResponseCache`` instead of the server.
    public var cachedGenerations: Int

    /// Creates a response.
    public init(
        generations: [String?],
        errors: [LLMClientError?]? = nil,
        inputTokens: Int = 0,
        outputTokens: Int = 0,
        rawResponses: [String] = [],
        cachedGenerations: Int = 0
    ) {
        self.generations = generations
        self.errors = errors ?? Array(repeating: nil, count: generations.count)
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.rawResponses = rawResponses
        self.cachedGenerations = cachedGenerations
    }

    /// A response in which all `count` generations failed with `error`.
    public static func failed(_ error: LLMClientError, count: Int) -> ChatResponse {
        ChatResponse(
            generations: Array(repeating: nil, count: count),
            errors: Array(repeating: error, count: count)
        )
    }
}
