import LLMClients
import Testing

@Suite(.serialized, .enabled(if: LLMockServer.shouldRun, LLMockServer.skipMessage))
struct ResponseCacheTests {
    /// Five prompts, two generations each, through a caching OpenAI client; then again through a new client and
    /// a new caching wrapper sharing the same cache (as a re-run with a changed downstream step would).
    @Test func answeredRequestsAreNeverSentAgain() async throws {
        try await LLMockServer.with { server in
            let cache = InMemoryResponseCache()
            let requests = (0..<5).map { index in
                ChatRequest(
                    messages: [.user("Question number \(index)")],
                    parameters: GenerationParameters(temperature: 0.7, numGenerations: 2))
            }
            let first = CachingChatClient(wrapping: try llmockOpenAI(server), cache: cache)
            var answers: [[String?]] = []
            for request in requests { answers.append(try await first.generate(request).generations) }
            #expect(try await server.requests().count == 5)
            #expect(await cache.count == 10)

            let rerun = CachingChatClient(wrapping: try llmockOpenAI(server), cache: cache)
            for (request, expected) in zip(requests, answers) {
                let response = try await rerun.generate(request)
                #expect(response.generations == expected)
                #expect(response.cachedGenerations == 2)
            }
            #expect(try await server.requests().count == 5)

            let bypass = CachingChatClient(wrapping: try llmockOpenAI(server), cache: cache, ignoreCache: true)
            _ = try await bypass.generate(requests[0])
            #expect(try await server.requests().count == 6)
        }
    }

    @Test func anthropicGenerationsAreStoredOneByOne() async throws {
        try await LLMockServer.with { server in
            let cache = InMemoryResponseCache()
            let client = CachingChatClient(wrapping: try llmockAnthropic(server), cache: cache)
            _ = try await client.generate(prompt.withNumGenerations(3))
            #expect(try await server.requests().count == 3)
            let again = try await client.generate(prompt.withNumGenerations(4))
            #expect(again.cachedGenerations == 3)
            #expect(try await server.requests().count == 4)
            #expect(await cache.count == 4)
        }
    }
}
