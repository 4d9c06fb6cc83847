import LLMClients
import Testing

private func fastLimits(maxConcurrent: Int = 8, retries: Int = 3, stall: Double = 5) -> ClientLimits {
    ClientLimits(
        maxConcurrentRequests: maxConcurrent,
        retry: RetryPolicy(maxRetries: retries, initialBackoff: 0.01, maxBackoff: 1),
        requestTimeout: 30, streamStallTimeout: stall)
}

@Suite struct OllamaClientTests {
    @Test func streamsNDJSONAndReportsTokens() async throws {
        try await FakeOllamaServer.with { server in
            let client = try OllamaClient(
                configuration: OllamaConfiguration(hosts: [server.host], model: "llama3", limits: fastLimits()))
            let request = ChatRequest(
                messages: [.system("Be kind."), .user("Hello there")],
                parameters: GenerationParameters(temperature: 0.2, maxNewTokens: 32, stop: ["\n"], seed: 7))
            let response = try await client.generate(request)
            #expect(response.generations == ["echo: Hello there"])
            #expect(response.errors == [nil])
            #expect(response.inputTokens == "Hello there".count)
            #expect(response.outputTokens == "echo: Hello there".count)
            let sent = try #require(server.requests.first)
            #expect(sent["model"] == "llama3")
            #expect(sent["stream"] == true)
            #expect(sent["options"] == ["temperature": 0.2, "num_predict": 32, "stop": ["\n"], "seed": 7])
            #expect(sent["messages"]?.arrayValue?.count == 2)
        }
    }

    @Test func severalGenerationsAreSeveralRequests() async throws {
        try await FakeOllamaServer.with { server in
            let client = try OllamaClient(configuration: OllamaConfiguration(hosts: [server.host], model: "m"))
            let response = try await client.generate(
                ChatRequest(messages: [.user("x")], parameters: GenerationParameters(numGenerations: 3)))
            #expect(response.generations == ["echo: x", "echo: x", "echo: x"])
            #expect(server.requests.count == 3)
        }
    }

    @Test(arguments: [
        FakeOllamaServer.Behavior.truncate,
        .fail(status: 503, retryAfterMilliseconds: nil),
        .fail(status: 429, retryAfterMilliseconds: 100),
        .stall(seconds: 30),
    ])
    func faultsAreRetried(_ fault: FakeOllamaServer.Behavior) async throws {
        try await FakeOllamaServer.with { server in
            server.script(fault)
            var stall = 30.0
            if case .stall = fault { stall = 2 }
            let client = try OllamaClient(
                configuration: OllamaConfiguration(hosts: [server.host], model: "m", limits: fastLimits(stall: stall)))
            let response = try await client.generate(ChatRequest(messages: [.user("again")]))
            #expect(response.generations == ["echo: again"])
            #expect(server.requests.count == 2)
        }
    }

    @Test func giveUpAfterTheLastRetryWithTheServerMessage() async throws {
        try await FakeOllamaServer.with { server in
            server.script(
                .fail(status: 500, retryAfterMilliseconds: nil), .fail(status: 500, retryAfterMilliseconds: nil),
                .fail(status: 500, retryAfterMilliseconds: nil))
            let client = try OllamaClient(
                configuration: OllamaConfiguration(hosts: [server.host], model: "m", limits: fastLimits(retries: 2)))
            let response = try await client.generate(ChatRequest(messages: [.user("x")]))
            #expect(response.generations == [nil])
            #expect(
                response.errors[0]
                    == .retriesExhausted(
                        attempts: 3,
                        last: .httpStatus(url: server.host + "/api/chat", status: 500, message: "injected failure")))
            #expect(server.requests.count == 3)
        }
    }

    @Test func structuredOutputIsSentAndValidated() async throws {
        try await FakeOllamaServer.with { server in
            let schema: JSONValue = [
                "type": "object", "properties": ["answer": ["type": "string"]], "required": ["answer"],
            ]
            server.script(.reply(#"{"wrong": 1}"#))
            let client = try OllamaClient(configuration: OllamaConfiguration(hosts: [server.host], model: "m"))
            let request = ChatRequest(
                messages: [.user("q")],
                parameters: GenerationParameters(numGenerations: 1, responseFormat: ResponseFormat(schema: schema)))
            let bad = try await client.generate(request)
            #expect(bad.generations == [nil])
            guard case .schemaViolation(_, let message, let output) = bad.errors[0] else {
                Issue.record("expected a schema violation, got \(String(describing: bad.errors[0]))")
                return
            }
            #expect(message.contains("answer"))
            #expect(output == #"{"wrong": 1}"#)
            let good = try await client.generate(request)
            #expect(good.generations == [#"{"answer":"q"}"#])
            #expect(server.requests.last?["format"] == schema)
        }
    }

    @Test func requestsAreSpreadAcrossHosts() async throws {
        try await FakeOllamaServer.with { first in
            try await FakeOllamaServer.with { second in
                let client = try OllamaClient(
                    configuration: OllamaConfiguration(hosts: [first.host, second.host], model: "m"))
                for index in 0..<6 {
                    let response = try await client.generate(ChatRequest(messages: [.user("\(index)")]))
                    #expect(response.generations == ["echo: \(index)"])
                }
                #expect(first.requests.count == 3)
                #expect(second.requests.count == 3)
            }
        }
    }

    @Test func requestsInFlightStayWithinTheLimit() async throws {
        try await FakeOllamaServer.with { server in
            server.script(contentsOf: Array(repeating: .delay(seconds: 0.05), count: 24))
            let client = try OllamaClient(
                configuration: OllamaConfiguration(
                    hosts: [server.host], model: "m", limits: fastLimits(maxConcurrent: 3)))
            try await withThrowingTaskGroup(of: ChatResponse.self) { group in
                for index in 0..<24 {
                    group.addTask { try await client.generate(ChatRequest(messages: [.user("\(index)")])) }
                }
                for try await response in group { #expect(response.errors == [nil]) }
            }
            #expect(server.requests.count == 24)
            #expect(server.maxInFlight <= 3)
            #expect(server.maxInFlight >= 2)
        }
    }

    @Test func cancellationStopsRequestsInFlight() async throws {
        try await FakeOllamaServer.with { server in
            server.script(.delay(seconds: 30))
            let client = try OllamaClient(configuration: OllamaConfiguration(hosts: [server.host], model: "m"))
            let task = Task { try await client.generate(ChatRequest(messages: [.user("slow")])) }
            while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
        }
    }

    @Test func openAIServerReturningFewerChoicesIsAskedAgain() async throws {
        try await FakeOllamaServer.with { server in
            let client = try OpenAIClient(
                configuration: OpenAIConfiguration(
                    baseURL: server.host + "/v1", model: "m", apiKeyEnvironmentVariable: nil))
            let response = try await client.generate(
                ChatRequest(messages: [.user("q")], parameters: GenerationParameters(numGenerations: 3)))
            #expect(response.generations == ["q #1", "q #2", "q #3"])
            #expect(server.requests.map { $0["n"] } == [3, 2, nil])
            #expect(response.inputTokens == 15)
            #expect(response.outputTokens == 6)
        }
    }
}
