/// Answers each generation from a ``ResponseCache`` when it can, and asks the wrapped client only for the rest.
///
/// For each generation index of a request, the key (``ResponseCacheKey``) is looked up; only the missing
/// generations are requested: in one request with `n` = the number missing when the client supports `n`,
/// otherwise one request per generation, concurrently, each stored as soon as it arrives. Failed generations are
/// not stored, so they are tried again next time.
///
/// With `ignoreCache` (the CLI's `--ignore-cache`), nothing is looked up, every generation is requested again,
/// and the new answers replace the saved ones.
public struct CachingChatClient<Wrapped: ChatClient>: ChatClient {
    /// The client that talks to the server.
    public let wrapped: Wrapped
    /// Where answers are saved.
    public let cache: any ResponseCache
    /// Whether to skip lookups (answers are still stored).
    public let ignoreCache: Bool

    /// Creates a caching client.
    public init(wrapping wrapped: Wrapped, cache: any ResponseCache, ignoreCache: Bool = false) {
        self.wrapped = wrapped
        self.cache = cache
        self.ignoreCache = ignoreCache
    }

    public var identity: ChatClientIdentity { wrapped.identity }

    public func generate(_ request: ChatRequest) async throws -> ChatResponse {
        let count = request.parameters.numGenerations
        let identity = wrapped.identity
        let keys = (0..<count).map { ResponseCacheKey(identity: identity, request: request, generationIndex: $0) }
        var response = ChatResponse(generations: Array(repeating: nil, count: count))
        var missing: [Int] = []
        for (index, key) in keys.enumerated() {
            if !ignoreCache, let saved = await cache.lookup(key) {
                response.generations[index] = saved
                response.cachedGenerations += 1
            } else {
                missing.append(index)
            }
        }
        guard !missing.isEmpty else { return response }
        if identity.supportsMultipleGenerations {
            let answer = try await wrapped.generate(request.withNumGenerations(missing.count))
            try await merge(answer, into: &response, at: missing, keys: keys)
        } else {
            let single = request.withNumGenerations(1)
            try await withThrowingTaskGroup(of: (Int, ChatResponse).self) { group in
                for index in missing {
                    group.addTask {
                        let answer = try await wrapped.generate(single)
                        if let text = answer.generations.first ?? nil {
                            try await cache.store(keys[index], response: text)
                        }
                        return (index, answer)
                    }
                }
                for try await (index, answer) in group {
                    try await merge(answer, into: &response, at: [index], keys: nil)
                }
            }
        }
        return response
    }

    /// Copies `answer`'s generations to the `indices` of `response`, storing successful ones when `keys` is given.
    private func merge(
        _ answer: ChatResponse, into response: inout ChatResponse, at indices: [Int], keys: [ResponseCacheKey]?
    )
        async throws
    {
        for (position, index) in indices.enumerated() {
            let text = position < answer.generations.count ? answer.generations[position] : nil
            let error = position < answer.errors.count ? answer.errors[position] : nil
            response.generations[index] = text
            response.errors[index] =
                text == nil
                ? (error ?? .invalidResponse(url: identity.baseURLs.first ?? "", message: "no answer")) : nil
            if let text, let keys { try await cache.store(keys[index], response: text) }
        }
        response.inputTokens += answer.inputTokens
        response.outputTokens += answer.outputTokens
        response.rawResponses += answer.rawResponses
    }
}
