/// Where and how to reach Ollama's native chat API (`/api/chat`, NDJSON streaming).
public struct OllamaConfiguration: Sendable, Hashable, Codable {
    /// Hosts such as `http://localhost:11434`; requests are spread across them.
    public var hosts: [String]
    /// The model name sent with every request.
    public var model: String
    /// Requests in flight, rate limits, retries and timeouts.
    public var limits: ClientLimits

    /// Creates a configuration.
    public init(hosts: [String] = ["http://localhost:11434"], model: String, limits: ClientLimits = ClientLimits()) {
        self.hosts = hosts
        self.model = model
        self.limits = limits
    }
}
