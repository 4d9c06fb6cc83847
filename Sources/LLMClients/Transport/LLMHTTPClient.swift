import AsyncHTTPClient

/// The HTTP client the LLM clients share unless given another one.
///
/// Unlike `HTTPClient.shared`, its connection pool allows up to 1,024 connections per host, so that
/// ``ClientLimits/maxConcurrentRequests`` rather than the pool decides how many requests are in flight, and a
/// refused connection fails at once so that the client's retry policy applies. It lives
/// for the whole process and is never shut down.
public enum LLMHTTPClient {
    /// The process-wide client.
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 1024)
        // The clients retry failed connections themselves, with backoff; the pool must fail fast.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.httpVersion = .http1Only
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
