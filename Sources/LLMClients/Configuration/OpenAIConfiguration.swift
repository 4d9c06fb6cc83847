/// Where and how to reach an OpenAI-compatible chat-completions server (OpenAI, vLLM, TGI, SGLang, llama.cpp,
/// Ollama's `/v1`, LM Studio, OpenRouter…).
///
/// The API key is never part of the configuration: only the name of the environment variable that holds it,
/// read at request time. The configuration can therefore be written to `pipeline.yaml` and to logs.
public struct OpenAIConfiguration: Sendable, Hashable, Codable {
    /// Base URLs ending before `/chat/completions`, e.g. `https://api.openai.com/v1`; requests are spread
    /// across them (replicas of one inference server).
    public var baseURLs: [String]
    /// The model name sent with every request.
    public var model: String
    /// The environment variable holding the API key, sent as `Authorization: Bearer`; `nil` for servers
    /// without authentication.
    public var apiKeyEnvironmentVariable: String?
    /// Whether to stream answers (server-sent events); streaming lets the stall timeout detect a hung server.
    public var stream: Bool
    /// Requests in flight, rate limits, retries and timeouts.
    public var limits: ClientLimits

    /// Creates a configuration.
    public init(
        baseURLs: [String] = ["https://api.openai.com/v1"],
        model: String,
        apiKeyEnvironmentVariable: String? = "OPENAI_API_KEY",
        stream: Bool = false,
        limits: ClientLimits = ClientLimits()
    ) {
        self.baseURLs = baseURLs
        self.model = model
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.stream = stream
        self.limits = limits
    }

    /// Creates a configuration for one base URL.
    public init(
        baseURL: String,
        model: String,
        apiKeyEnvironmentVariable: String? = "OPENAI_API_KEY",
        stream: Bool = false,
        limits: ClientLimits = ClientLimits()
    ) {
        self.init(
            baseURLs: [baseURL], model: model, apiKeyEnvironmentVariable: apiKeyEnvironmentVariable,
            stream: stream, limits: limits)
    }
}
