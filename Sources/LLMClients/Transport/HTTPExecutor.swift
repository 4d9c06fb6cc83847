import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

/// Sends requests for one client: spreads them over its base URLs, keeps within its limits, enforces the request
/// and stall timeouts, and retries what may succeed on another attempt.
struct HTTPExecutor: Sendable {
    let httpClient: HTTPClient
    let limits: ClientLimits
    let endpoints: EndpointRotation
    let semaphore: AsyncSemaphore
    let rateLimiter: RateLimiter
    let logger: Logger

    init(baseURLs: [String], limits: ClientLimits, httpClient: HTTPClient, logger: Logger) throws(LLMClientError) {
        self.httpClient = httpClient
        self.limits = limits
        self.endpoints = try EndpointRotation(baseURLs: baseURLs)
        self.semaphore = AsyncSemaphore(permits: limits.maxConcurrentRequests)
        self.rateLimiter = RateLimiter(
            requestsPerMinute: limits.requestsPerMinute, tokensPerMinute: limits.tokensPerMinute)
        self.logger = logger
    }

    /// Posts `body` to `path` under the next base URL and hands a successful answer to `consume`, retrying
    /// retryable failures (including those `consume` throws) as the retry policy says.
    ///
    /// - Throws: the error of a non-retryable failure, ``LLMClientError/retriesExhausted(attempts:last:)``, or
    ///   `CancellationError` when the calling task is cancelled.
    func post<T: Sendable>(
        path: String,
        headers: [(String, String)],
        body: [UInt8],
        streaming: Bool,
        consume: @escaping @Sendable (HTTPClientResponse.Body, _ url: String, ProgressMarker) async throws -> T
    ) async throws -> T {
        var retry = 0
        while true {
            try Task.checkCancellation()
            if rateLimiter.isLimited { try await rateLimiter.acquire() }
            try await semaphore.acquire()
            let url = endpoints.next() + path
            let outcome: Result<T, AttemptFailure>
            do {
                outcome = .success(
                    try await attempt(url: url, headers: headers, body: body, streaming: streaming, consume: consume))
            } catch let failure as AttemptFailure {
                outcome = .failure(failure)
            } catch {
                await semaphore.release()
                if Task.isCancelled { throw CancellationError() }
                throw error
            }
            await semaphore.release()
            switch outcome {
            case .success(let value):
                return value
            case .failure(let failure):
                if Task.isCancelled { throw CancellationError() }
                guard failure.error.isRetryable else { throw failure.error }
                guard retry < limits.retry.maxRetries else {
                    throw retry == 0 ? failure.error : .retriesExhausted(attempts: retry + 1, last: failure.error)
                }
                let delay = limits.retry.delay(beforeRetry: retry, serverRequested: failure.retryAfter)
                logger.debug(
                    "retrying LLM request",
                    metadata: ["url": "\(url)", "error": "\(failure.error)", "delay": "\(delay)"])
                retry += 1
                try await Task.sleep(for: .seconds(delay))
            }
        }
    }

    /// Charges the tokens an answer used to the tokens-per-minute limit.
    func record(tokens: Int) async {
        if rateLimiter.isLimited { await rateLimiter.record(tokens: tokens) }
    }
}
