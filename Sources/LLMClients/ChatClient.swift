/// A client of a chat-completion server.
///
/// `generate` returns one entry per requested generation. Failures of individual generations (after the last
/// retry, or a reply that violates the requested JSON schema) are reported in ``ChatResponse/errors`` with a
/// `nil` generation; `generate` throws only for a configuration problem (such as a missing API key) or when the
/// calling task is cancelled.
public protocol ChatClient: Sendable {
    /// What identifies the server and model in response cache keys.
    var identity: ChatClientIdentity { get }

    /// Sends `request` and returns its generations.
    func generate(_ request: ChatRequest) async throws -> ChatResponse
}
