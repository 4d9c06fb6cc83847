/// When and how long to wait before retrying a failed request.
///
/// Retries happen on 408, 409, 429, 5xx and 529 answers, connection errors, timeouts and broken streams. The
/// wait is exponential with full jitter (`random(0…min(maxBackoff, initialBackoff × 2^attempt))`), but never
/// shorter than the server's `retry-after-ms` or `Retry-After`.
public struct RetryPolicy: Sendable, Hashable, Codable {
    /// Retries after the first attempt (0 disables retrying).
    public var maxRetries: Int
    /// The backoff ceiling of the first retry, in seconds.
    public var initialBackoff: Double
    /// The largest wait between attempts, in seconds (a longer `Retry-After` is capped to it).
    public var maxBackoff: Double

    /// Creates a retry policy.
    public init(maxRetries: Int = 6, initialBackoff: Double = 0.5, maxBackoff: Double = 60) {
        self.maxRetries = max(0, maxRetries)
        self.initialBackoff = max(0, initialBackoff)
        self.maxBackoff = max(0, maxBackoff)
    }

    /// The wait before retry number `retry` (0 for the first retry), given the server's requested delay.
    public func delay(beforeRetry retry: Int, serverRequested: Double?, random: Double = .random(in: 0...1)) -> Double {
        let ceiling = min(maxBackoff, initialBackoff * Double(1 << min(retry, 30)))
        let backoff = ceiling * random
        guard let serverRequested else { return backoff }
        return min(maxBackoff, max(backoff, serverRequested))
    }
}
