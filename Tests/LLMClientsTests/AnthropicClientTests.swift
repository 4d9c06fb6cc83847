import LLMClients
import Testing

func llmockAnthropic(_ server: LLMockServer, retries: Int = 3) throws -> AnthropicClient {
    let limits = ClientLimits(retry: RetryPolicy(maxRetries: retries, initialBackoff: 0.05, maxBackoff: 2))
    return try AnthropicClient(
        configuration: AnthropicConfiguration(
            baseURLs: [server.anthropicBaseURL], model: "claude-3-5-haiku", apiKeyEnvironmentVariable: "TEST_KEY",
            defaultMaxTokens: 77, limits: limits),
        environment: { $0 == "TEST_KEY" ? "anthropic-test" : nil })
}

@Suite(.serialized, .enabled(if: LLMockServer.shouldRun, LLMockServer.skipMessage))
struct AnthropicClientTests {
    @Test func messagesRequestWithSystemPromptAndSeveralGenerations() async throws {
        try await LLMockServer.with { server in
            let response = try await llmockAnthropic(server).generate(prompt.withNumGenerations(2))
            #expect(response.errors == [nil, nil])
            #expect(response.generations.allSatisfy { $0?.contains("claude-3-5-haiku") == true })
            #expect(response.outputTokens > 0)
            let requests = try await server.requests()
            #expect(requests.count == 2)
            let body = try #require(requests.first?["body"])
            #expect(requests.first?["path"] == "/anthropic/v1/messages")
            #expect(body["system"] == "You answer briefly.")
            #expect(body["messages"]?.arrayValue?.count == 1)
            #expect(body["max_tokens"] == 50)
            #expect(body["stop_sequences"] == ["END"])
            #expect(body["temperature"] == 0.5)
            #expect(body["seed"] == nil)
        }
    }

    @Test func defaultMaxTokensAndOverloadedRetries() async throws {
        try await LLMockServer.with { server in
            try await server.addScenario([["type": "fail", "status": 529, "retry_after": 0.1]])
            let response = try await llmockAnthropic(server).generate(ChatRequest(messages: [.user("hello")]))
            #expect(response.errors == [nil])
            let requests = try await server.requests()
            #expect(requests.map { $0["status"] } == [529, 200])
            #expect(requests.last?["body"]?["max_tokens"] == 77)
            #expect(try await server.verdict()["passed"] == true)
        }
    }
}
