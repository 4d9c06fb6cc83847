import LLMClients
import Testing

/// Configurations against llmock: a test key from the environment closure, fast retries.
func llmockOpenAI(
    _ server: LLMockServer, stream: Bool = false, retries: Int = 3, stall: Double = 10
) throws -> OpenAIClient {
    let limits = ClientLimits(
        maxConcurrentRequests: 16, retry: RetryPolicy(maxRetries: retries, initialBackoff: 0.05, maxBackoff: 2),
        requestTimeout: 30, streamStallTimeout: stall)
    return try OpenAIClient(
        configuration: OpenAIConfiguration(
            baseURL: server.openAIBaseURL, model: "gpt-4o-mini", apiKeyEnvironmentVariable: "LLMOCK_TEST_KEY",
            stream: stream, limits: limits),
        environment: { $0 == "LLMOCK_TEST_KEY" ? "sk-test" : nil })
}

let prompt = ChatRequest(
    messages: [.system("You answer briefly."), .user("Name three colours of the rainbow, please.")],
    parameters: GenerationParameters(
        temperature: 0.5, topP: 0.9, maxNewTokens: 50, stop: ["END"], seed: 3, frequencyPenalty: 0.1,
        presencePenalty: 0.2))

@Suite(.serialized, .enabled(if: LLMockServer.shouldRun, LLMockServer.skipMessage))
struct OpenAIClientTests {
    @Test(arguments: [false, true])
    func chatCompletionSendsEveryParameter(stream: Bool) async throws {
        try await LLMockServer.with { server in
            let client = try llmockOpenAI(server, stream: stream)
            let response = try await client.generate(prompt)
            #expect(response.errors == [nil])
            let text = try #require(response.generations.first ?? nil)
            #expect(text.contains("gpt-4o-mini"))
            #expect(response.outputTokens > 0)
            let requests = try await server.requests()
            #expect(requests.count == 1)
            let body = try #require(requests.first?["body"])
            #expect(body["model"] == "gpt-4o-mini")
            #expect(body["temperature"] == 0.5)
            #expect(body["top_p"] == 0.9)
            #expect(body["max_tokens"] == 50)
            #expect(body["stop"] == ["END"])
            #expect(body["seed"] == 3)
            #expect(body["frequency_penalty"] == 0.1)
            #expect(body["presence_penalty"] == 0.2)
            #expect(body["messages"]?.arrayValue?.count == 2)
            #expect(body["stream"] == (stream ? .bool(true) : nil))
        }
    }

    @Test(arguments: [false, true])
    func severalGenerationsInOneRequest(stream: Bool) async throws {
        try await LLMockServer.with { server in
            let response = try await llmockOpenAI(server, stream: stream).generate(prompt.withNumGenerations(3))
            #expect(response.generations.count == 3)
            #expect(response.generations.allSatisfy { $0 != nil })
            let requests = try await server.requests()
            #expect(requests.count == 1)
            #expect(requests.first?["body"]?["n"] == 3)
        }
    }

    @Test func jsonSchemaRepliesAreValidated() async throws {
        try await LLMockServer.with { server in
            let schema: JSONValue = [
                "type": "object",
                "properties": ["colour": ["type": "string"], "count": ["type": "integer"]],
                "required": ["colour", "count"],
            ]
            var request = prompt
            request.parameters.responseFormat = ResponseFormat(name: "answer", schema: schema)
            let client = try llmockOpenAI(server)
            let good = try await client.generate(request)
            let text = try #require(good.generations.first ?? nil)
            #expect(JSONSchemaValidator(schema: schema).firstViolation(inText: text) == nil)
            let sent = try #require(try await server.requests().first?["body"]?["response_format"])
            #expect(sent["type"] == "json_schema")
            #expect(sent["json_schema"]?["schema"] == schema)
            // A reply that does not conform is a failed generation.
            try await server.addScenario([["type": "reply", "text": #"{"colour": 3, "count": 1}"#]])
            let bad = try await client.generate(request)
            #expect(bad.generations == [nil])
            guard case .schemaViolation(_, let message, _) = bad.errors[0] else {
                Issue.record("expected a schema violation, got \(String(describing: bad.errors[0]))")
                return
            }
            #expect(message.contains("$.colour should be string"))
        }
    }

    @Test func rateLimitAnswersAreRetriedAfterRetryAfter() async throws {
        try await LLMockServer.with { server in
            try await server.addScenario([["type": "fail", "status": 429, "retry_after": 0.4, "times": 2]])
            let start = ContinuousClock.now
            let response = try await llmockOpenAI(server).generate(prompt)
            #expect(ContinuousClock.now - start >= .milliseconds(800))
            #expect(response.errors == [nil])
            #expect(try await server.requests().map { $0["status"] } == [429, 429, 200])
            let verdict = try await server.verdict()
            #expect(verdict["passed"] == true)
            #expect(verdict["errors"] == 0)
        }
    }

    @Test(arguments: [408, 409, 500, 502, 503, 504, 529])
    func retryableStatusesAreRetried(status: Int) async throws {
        try await LLMockServer.with { server in
            try await server.addScenario([["type": "fail", "status": .integer(status), "retry_after": 0.05]])
            let response = try await llmockOpenAI(server).generate(prompt)
            #expect(response.errors == [nil])
            #expect(try await server.requests().map { $0["status"] } == [.integer(status), 200])
        }
    }

    @Test func afterTheLastRetryTheGenerationIsNullWithTheError() async throws {
        try await LLMockServer.with { server in
            try await server.addScenario([
                ["type": "fail", "status": 503, "retry_after": 0.05, "message": "overloaded", "times": 5]
            ])
            let response = try await llmockOpenAI(server, retries: 2).generate(prompt.withNumGenerations(2))
            #expect(response.generations == [nil, nil])
            guard case .retriesExhausted(3, .httpStatus(let url, 503, let message)) = response.errors[0] else {
                Issue.record("unexpected error \(String(describing: response.errors[0]))")
                return
            }
            #expect(url == server.openAIBaseURL + "/chat/completions")
            #expect(message.contains("overloaded"))
            #expect(try await server.requests().count == 3)
        }
    }

    @Test(arguments: [400, 401, 404, 422])
    func clientErrorsAreNotRetried(status: Int) async throws {
        try await LLMockServer.with { server in
            try await server.addScenario([["type": "fail", "status": .integer(status)]])
            let response = try await llmockOpenAI(server).generate(prompt)
            guard case .httpStatus(_, let got, _) = response.errors[0] else {
                Issue.record("unexpected error \(String(describing: response.errors[0]))")
                return
            }
            #expect(got == status)
            #expect(try await server.requests().count == 1)
            #expect(try await server.verdict()["passed"] == true)
        }
    }

    @Test(arguments: ["truncate", "disconnect", "malformed"])
    func brokenStreamsAreRetried(kind: String) async throws {
        try await LLMockServer.with { server in
            try await server.addScenario([["type": "stream_fault", "kind": .string(kind), "after_chunks": 1]])
            let response = try await llmockOpenAI(server, stream: true).generate(prompt)
            #expect(response.errors == [nil])
            #expect(response.generations.first??.isEmpty == false)
            #expect(try await server.requests().count == 2)
            #expect(try await server.verdict()["passed"] == true)
        }
    }

    @Test func stalledStreamsHitTheStallTimeout() async throws {
        try await LLMockServer.with { server in
            try await server.addScenario([
                ["type": "stream_fault", "kind": "stall", "after_chunks": 1, "stall_seconds": 20]
            ])
            let response = try await llmockOpenAI(server, stream: true, stall: 2).generate(prompt)
            #expect(response.errors == [nil])
            #expect(try await server.requests().count == 2)
        }
    }
}
