/// The kind of server a ``ChatClient`` speaks to.
public enum LLMClientKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// OpenAI chat completions and compatible servers.
    case openAI = "openai"
    /// Anthropic Messages.
    case anthropic
    /// Ollama's native chat API.
    case ollama
}

/// What identifies a client's server and model: the part of a response cache key that is not the request.
public struct ChatClientIdentity: Sendable, Hashable, Codable {
    /// The protocol spoken.
    public var kind: LLMClientKind
    /// The base URLs, in the configured order (replicas of one server).
    public var baseURLs: [String]
    /// The model name.
    public var model: String
    /// Whether one request can ask for several generations (`n`); when not, each generation is its own request.
    public var supportsMultipleGenerations: Bool

    /// Creates an identity.
    public init(kind: LLMClientKind, baseURLs: [String], model: String, supportsMultipleGenerations: Bool) {
        self.kind = kind
        self.baseURLs = baseURLs
        self.model = model
        self.supportsMultipleGenerations = supportsMultipleGenerations
    }
}
