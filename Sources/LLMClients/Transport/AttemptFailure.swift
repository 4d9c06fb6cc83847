/// One failed attempt: what went wrong and how long the server asked to wait.
struct AttemptFailure: Swift.Error, Sendable {
    var error: LLMClientError
    var retryAfter: Double?
}
