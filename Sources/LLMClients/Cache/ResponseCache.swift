/// Saved answers of LLM requests, one per generation, keyed by ``ResponseCacheKey``.
///
/// Implementations: ``InMemoryResponseCache`` here; the pipeline's durable cache implements it in the cache
/// module. `store` is called as each answer arrives, so an answer survives a crash right after it.
public protocol ResponseCache: Sendable {
    /// The saved answer for `key`, or `nil`.
    func lookup(_ key: ResponseCacheKey) async -> String?
    /// Saves the answer for `key`, replacing an earlier one.
    func store(_ key: ResponseCacheKey, response: String) async throws
}
