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

    /// Posts `body` to `path` under the next base URL and hands a successful answer to `consume` as it streams in,
    /// retrying retryable failures (including those `consume` throws) as the retry policy says.
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
        let buffer = ByteBuffer(bytes: body)
        return try await withRetries(path: path) { url in
            try await attempt(url: url, headers: headers, body: buffer, streaming: streaming, consume: consume)
        }
    }

    /// Posts `body` to `path` under the next base URL and hands the whole answer to `parse`, retrying retryable
    /// failures (including those `parse` throws) as the retry policy says. The request timeout covers the whole
    /// exchange; no task is started for it.
    func post<T: Sendable>(
        path: String,
        headers: HTTPHeaders,
        body: ByteBuffer,
        parse: @escaping @Sendable (ByteBuffer, _ url: String) throws -> T
    ) async throws -> T {
        try await withRetries(path: path) { url in
            try await collectedAttempt(url: url, headers: headers, body: body, parse: parse)
        }
    }

    /// Runs `attempt` with the URL of the next base URL, within the in-flight and rate limits, until it succeeds,
    /// fails for good or has used up the retries.
    private func withRetries<T: Sendable>(
        path: String, _ attempt: (_ url: String) async throws -> T
    ) async throws -> T {
        var retry = 0
        while true {
            try Task.checkCancellation()
            if rateLimiter.isLimited { try await rateLimiter.acquire() }
            try await semaphore.acquire()
            let url = endpoints.next() + path
            let outcome: Result<T, AttemptFailure>
            do {
                outcome = .success(try await attempt(url))
            } catch let failure as AttemptFailure {
                outcome = .failure(failure)
            } catch {
                semaphore.release()
                if Task.isCancelled { throw CancellationError() }
                throw error
            }
            semaphore.release()
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
