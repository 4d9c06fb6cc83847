/// Per-client limits: requests in flight, rate limits, retries and timeouts.
public struct ClientLimits: Sendable, Hashable, Codable {
    /// The most requests in flight at once, over all base URLs of the client.
    public var maxConcurrentRequests: Int
    /// The most requests started per minute (`nil`: unlimited).
    public var requestsPerMinute: Int?
    /// The most tokens (prompt plus completion, as reported by the server) per minute (`nil`: unlimited).
    public var tokensPerMinute: Int?
    /// Retries and backoff.
    public var retry: RetryPolicy
    /// The longest a request may take from sending to the last byte of its answer, in seconds.
    public var requestTimeout: Double
    /// The longest a streamed answer may go without sending anything, in seconds.
    public var streamStallTimeout: Double

    /// Creates limits.
    public init(
        maxConcurrentRequests: Int = 64,
        requestsPerMinute: Int? = nil,
        tokensPerMinute: Int? = nil,
        retry: RetryPolicy = RetryPolicy(),
        requestTimeout: Double = 600,
        streamStallTimeout: Double = 60
    ) {
        self.maxConcurrentRequests = max(1, maxConcurrentRequests)
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.retry = retry
        self.requestTimeout = requestTimeout
        self.streamStallTimeout = streamStallTimeout
    }
}
