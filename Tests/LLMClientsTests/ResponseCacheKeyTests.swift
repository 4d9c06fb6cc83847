import LLMClients
import Testing

private let identity = ChatClientIdentity(
    kind: .openAI, baseURLs: ["http://127.0.0.1:8000/v1"], model: "gpt-4o-mini", supportsMultipleGenerations: true)

private func key(
    _ request: ChatRequest, index: Int = 0, identity: ChatClientIdentity = identity
) -> ResponseCacheKey {
    ResponseCacheKey(identity: identity, request: request, generationIndex: index)
}

private let base = ChatRequest(
    messages: [.system("Be brief."), .user("Hi")],
    parameters: GenerationParameters(temperature: 0.7, maxNewTokens: 64, seed: 1))

@Test func cacheKeyIsStableAndCanonical() {
    #expect(key(base) == key(base))
    let expected =
        #"{"base_urls":["http://127.0.0.1:8000/v1"],"generation_index":0,"kind":"openai","#
        + #""messages":[{"content":"Be brief.","role":"system"},{"content":"Hi","role":"user"}],"#
        + #""model":"gpt-4o-mini","parameters":{"max_new_tokens":64,"seed":1,"temperature":0.7},"version":1}"#
    #expect(key(base).canonical == expected)
}

@Test func cacheKeyIgnoresTheNumberOfGenerationsButNotTheIndex() {
    #expect(key(base) == key(base.withNumGenerations(4)))
    #expect(key(base, index: 0) != key(base, index: 1))
}

@Test(arguments: [
    ChatRequest(messages: [.system("Be brief."), .user("Hi!")], parameters: base.parameters),
    ChatRequest(messages: [.user("Hi")], parameters: base.parameters),
    ChatRequest(messages: base.messages, parameters: GenerationParameters(temperature: 0.8, maxNewTokens: 64, seed: 1)),
    ChatRequest(messages: base.messages, parameters: GenerationParameters(temperature: 0.7, maxNewTokens: 64, seed: 2)),
    ChatRequest(
        messages: base.messages,
        parameters: GenerationParameters(
            temperature: 0.7, maxNewTokens: 64, seed: 1, responseFormat: ResponseFormat(schema: ["type": "object"]))),
])
func cacheKeyChangesWithWhatReachesTheWire(_ changed: ChatRequest) {
    #expect(key(changed) != key(base))
}

@Test func cacheKeyChangesWithServerAndModel() {
    var other = identity
    other.model = "gpt-4o"
    #expect(key(base, identity: other) != key(base))
    other = identity
    other.kind = .anthropic
    #expect(key(base, identity: other) != key(base))
    other = identity
    other.baseURLs = ["http://127.0.0.1:9000/v1"]
    #expect(key(base, identity: other) != key(base))
    // The order of replicas does not matter.
    let replicas = ChatClientIdentity(
        kind: .openAI, baseURLs: ["http://a/v1", "http://b/v1"], model: "m", supportsMultipleGenerations: true)
    var reordered = replicas
    reordered.baseURLs.reverse()
    #expect(key(base, identity: replicas) == key(base, identity: reordered))
}

@Test func cachingClientNeverAsksTwiceForAnAnsweredGeneration() async throws {
    let server = CountingClient()
    let cache = InMemoryResponseCache()
    let client = CachingChatClient(wrapping: server, cache: cache)
    let request = base.withNumGenerations(3)
    let first = try await client.generate(request)
    let second = try await client.generate(request)
    #expect(first.generations == ["answer 1", "answer 2", "answer 3"])
    #expect(second.generations == first.generations)
    #expect(second.cachedGenerations == 3)
    #expect(await server.calls == [3])
    // Asking for more generations only requests the new ones.
    let more = try await client.generate(base.withNumGenerations(5))
    #expect(more.cachedGenerations == 3)
    #expect(await server.calls == [3, 2])
    // Bypassing the cache requests everything again and refreshes the saved answers.
    let bypass = CachingChatClient(wrapping: server, cache: cache, ignoreCache: true)
    _ = try await bypass.generate(request)
    #expect(await server.calls == [3, 2, 3])
    #expect(await cache.count == 5)
}

@Test func cachingClientDoesNotSaveFailures() async throws {
    let server = CountingClient(failIndices: [1])
    let cache = InMemoryResponseCache()
    let client = CachingChatClient(wrapping: server, cache: cache)
    let response = try await client.generate(base.withNumGenerations(2))
    #expect(response.generations[0] == "answer 1")
    #expect(response.generations[1] == nil)
    #expect(response.errors[1] != nil)
    #expect(await cache.count == 1)
}

/// A client answering `answer N` for the Nth generation it was ever asked for, recording each call's `n`.
private actor CountingClient: ChatClient {
    private(set) var calls: [Int] = []
    private var produced = 0
    let failIndices: Set<Int>

    init(failIndices: Set<Int> = []) {
        self.failIndices = failIndices
    }

    nonisolated var identity: ChatClientIdentity {
        LLMClients.ChatClientIdentity(
            kind: .openAI, baseURLs: ["http://fake"], model: "m", supportsMultipleGenerations: true)
    }

    func generate(_ request: ChatRequest) async throws -> ChatResponse {
        let n = request.parameters.numGenerations
        calls.append(n)
        var generations: [String?] = []
        var errors: [LLMClientError?] = []
        for index in 0..<n {
            produced += 1
            if failIndices.contains(index) {
                generations.append(nil)
                errors.append(.httpStatus(url: "http://fake", status: 500, message: "boom"))
            } else {
                generations.append("answer \(produced)")
                errors.append(nil)
            }
        }
        return ChatResponse(generations: generations, errors: errors)
    }
}
