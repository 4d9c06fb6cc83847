import Foundation
import LLMClients
import Testing

@Test func configurationsSerializeWithoutSecrets() throws {
    let configuration = OpenAIConfiguration(baseURL: "http://127.0.0.1:1/v1", model: "m")
    let text = String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self)
    #expect(text.contains("OPENAI_API_KEY"))
    let decoded = try JSONDecoder().decode(OpenAIConfiguration.self, from: Data(text.utf8))
    #expect(decoded == configuration)
}

@Test func missingAPIKeyIsReportedByName() async throws {
    let client = try OpenAIClient(
        configuration: OpenAIConfiguration(
            baseURL: "http://127.0.0.1:1/v1", model: "m", apiKeyEnvironmentVariable: "LLMCLIENTS_TEST_UNSET_KEY"),
        environment: { _ in nil })
    let error = await #expect(throws: LLMClientError.self) {
        try await client.generate(ChatRequest(messages: [.user("hi")]))
    }
    #expect(error == .missingAPIKey(variable: "LLMCLIENTS_TEST_UNSET_KEY"))
    #expect(error?.description.contains("set the environment variable LLMCLIENTS_TEST_UNSET_KEY") == true)
}

@Test func invalidBaseURLsAreRejected() {
    #expect(throws: LLMClientError.self) {
        try OllamaClient(configuration: OllamaConfiguration(hosts: ["localhost:11434"], model: "m"))
    }
    #expect(throws: LLMClientError.self) { try OllamaClient(configuration: OllamaConfiguration(hosts: [], model: "m")) }
}

@Test func errorsReadWellAtACommandLine() {
    let error = LLMClientError.retriesExhausted(
        attempts: 3, last: .httpStatus(url: "http://h/v1/chat/completions", status: 503, message: "overloaded"))
    #expect(error.description == "gave up after 3 attempts: http://h/v1/chat/completions answered HTTP 503: overloaded")
}

@Test func unreachableServerFailsTheGenerationNotTheCall() async throws {
    let limits = ClientLimits(retry: RetryPolicy(maxRetries: 1, initialBackoff: 0.01))
    let client = try OllamaClient(
        configuration: OllamaConfiguration(hosts: ["http://127.0.0.1:9"], model: "m", limits: limits))
    let response = try await client.generate(ChatRequest(messages: [.user("hi")]))
    #expect(response.generations == [nil])
    guard case .retriesExhausted(2, .connection(let url, _)) = response.errors[0] else {
        Issue.record("unexpected error \(String(describing: response.errors[0]))")
        return
    }
    #expect(url == "http://127.0.0.1:9/api/chat")
}
