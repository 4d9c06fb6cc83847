/// A ``ResponseCache`` in memory, for tests and single runs; it counts lookups, hits and stores.
public actor InMemoryResponseCache: ResponseCache {
    private var entries: [ResponseCacheKey: String] = [:]
    /// How many lookups were made.
    public private(set) var lookups = 0
    /// How many lookups found an answer.
    public private(set) var hits = 0
    /// How many answers were stored.
    public private(set) var stores = 0

    /// Creates an empty cache, or one holding `entries`.
    public init(entries: [ResponseCacheKey: String] = [:]) {
        self.entries = entries
    }

    public func lookup(_ key: ResponseCacheKey) async -> String? {
        lookups += 1
        let found = entries[key]
        if found != nil { hits += 1 }
        return found
    }

    public func store(_ key: ResponseCacheKey, response: String) async throws {
        stores += 1
        entries[key] = response
    }

    /// How many answers are saved.
    public var count: Int { entries.count }

    /// Every saved answer.
    public var allEntries: [ResponseCacheKey: String] { entries }
}
