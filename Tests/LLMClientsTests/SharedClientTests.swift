import Testing

@testable import DistilabelLLMs
@testable import LLMClients

/// The replicas of a step load copies of one LLM value; they must share one client, and with it one in-flight limit.
@Test func copiesOfAnLLMShareOneClientPerConfiguration() throws {
    let shared = SharedClient<OpenAIConfiguration, OpenAIClient>()
    let configuration = OpenAIConfiguration(
        baseURL: "http://127.0.0.1:9/v1", model: "m", limits: ClientLimits(maxConcurrentRequests: 3))
    var made = 0
    let make = { (configuration: OpenAIConfiguration) throws(LLMClientError) -> OpenAIClient in
        made += 1
        return try OpenAIClient(configuration: configuration)
    }
    let first = try shared.client(for: configuration, make: make)
    let second = try shared.client(for: configuration, make: make)
    #expect(made == 1)
    #expect(first.executor.semaphore === second.executor.semaphore)

    var changed = configuration
    changed.limits.maxConcurrentRequests = 5
    let third = try shared.client(for: changed, make: make)
    #expect(made == 2)
    #expect(third.executor.semaphore !== first.executor.semaphore)
}
