import NIOHTTP1
import Testing

@testable import LLMClients

@Test func backoffGrowsExponentiallyUpToTheCap() {
    let policy = RetryPolicy(maxRetries: 10, initialBackoff: 0.5, maxBackoff: 8)
    #expect(policy.delay(beforeRetry: 0, serverRequested: nil, random: 1) == 0.5)
    #expect(policy.delay(beforeRetry: 2, serverRequested: nil, random: 1) == 2)
    #expect(policy.delay(beforeRetry: 9, serverRequested: nil, random: 1) == 8)
    #expect(policy.delay(beforeRetry: 3, serverRequested: nil, random: 0.25) == 1)
}

@Test func retryAfterIsAFloorCappedByTheMaximum() {
    let policy = RetryPolicy(maxRetries: 3, initialBackoff: 0.5, maxBackoff: 10)
    #expect(policy.delay(beforeRetry: 0, serverRequested: 3, random: 0.5) == 3)
    #expect(policy.delay(beforeRetry: 0, serverRequested: 30, random: 0.5) == 10)
}

@Test func retryAfterHeadersAreRead() {
    #expect(HTTPExecutor.retryAfter(HTTPHeaders([("retry-after-ms", "1500"), ("Retry-After", "2")])) == 1.5)
    #expect(HTTPExecutor.retryAfter(HTTPHeaders([("Retry-After", "2")])) == 2)
    #expect(HTTPExecutor.retryAfter(HTTPHeaders([("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")])) == nil)
}

@Test(arguments: [408, 409, 429, 500, 502, 503, 504, 529])
func retryableStatuses(_ status: Int) {
    #expect(LLMClientError.httpStatus(url: "u", status: status, message: "").isRetryable)
}

@Test(arguments: [400, 401, 403, 404, 422])
func nonRetryableStatuses(_ status: Int) {
    #expect(!LLMClientError.httpStatus(url: "u", status: status, message: "").isRetryable)
}

@Test func serverMessagesAreExtracted() {
    #expect(HTTPExecutor.serverMessage(Array(#"{"error": {"message": "slow down"}}"#.utf8)) == "slow down")
    #expect(HTTPExecutor.serverMessage(Array(#"{"error": "model not found"}"#.utf8)) == "model not found")
    #expect(HTTPExecutor.serverMessage(Array("plain text\n".utf8)) == "plain text")
}

@Test func rateLimiterWaitsWhenTheTokenBudgetIsSpent() async throws {
    let limiter = RateLimiter(requestsPerMinute: nil, tokensPerMinute: 60)
    try await limiter.acquire()
    await limiter.record(tokens: 61)
    let start = ContinuousClock.now
    try await limiter.acquire()
    #expect(ContinuousClock.now - start >= .milliseconds(900))
}

@Test func semaphoreHandsPermitsInOrderAndHonoursCancellation() async throws {
    let semaphore = AsyncSemaphore(permits: 1)
    try await semaphore.acquire()
    let waiter = Task { try await semaphore.acquire() }
    try await Task.sleep(for: .milliseconds(50))
    waiter.cancel()
    await #expect(throws: CancellationError.self) { try await waiter.value }
    semaphore.release()
    try await semaphore.acquire()  // the cancelled waiter did not take the permit
}
