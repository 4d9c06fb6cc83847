/// Where and how to reach Anthropic's Messages API (`/v1/messages`).
///
/// As with ``OpenAIConfiguration``, only the name of the API key's environment variable is stored.
public struct AnthropicConfiguration: Sendable, Hashable, Codable {
    /// Base URLs ending before `/v1/messages`, e.g. `https://api.anthropic.com`.
    public var baseURLs: [String]
    /// The model name sent with every request.
    public var model: String
    /// The environment variable holding the API key, sent as `x-api-key`.
    public var apiKeyEnvironmentVariable: String
    /// The `anthropic-version` header.
    public var apiVersion: String
    /// `max_tokens` when the request's parameters set none (the API requires one).
    public var defaultMaxTokens: Int
    /// Requests in flight, rate limits, retries and timeouts.
    public var limits: ClientLimits

    /// Creates a configuration.
    public init(
        baseURLs: [String] = ["https://api.anthropic.com"],
        model: String,
        apiKeyEnvironmentVariable: String = "ANTHROPIC_API_KEY",
        apiVersion: String = "2023-06-01",
        defaultMaxTokens: Int = 1024,
        limits: ClientLimits = ClientLimits()
    ) {
        self.baseURLs = baseURLs
        self.model = model
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.apiVersion = apiVersion
        self.defaultMaxTokens = defaultMaxTokens
        self.limits = limits
    }
}
