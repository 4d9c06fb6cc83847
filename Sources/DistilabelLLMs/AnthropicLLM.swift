public import DistilabelCore
import Foundation
import LLMClients

/// Anthropic's Messages API (`/v1/messages`); several generations are several requests. The API key is read from
/// ``apiKeyEnvironmentVariable`` at request time and never written anywhere.
public struct AnthropicLLM: LLM {
    public var model: String
    public var baseURLs: [String]
    public var apiKeyEnvironmentVariable: String
    public var limits: ClientLimits
    private var runner: ChatClientRunner?
    private let shared = SharedClient<AnthropicConfiguration, AnthropicClient>()

    public init(
        model: String, baseURL: String = "https://api.anthropic.com", baseURLs: [String]? = nil,
        apiKeyEnvironmentVariable: String = "ANTHROPIC_API_KEY", limits: ClientLimits = ClientLimits()
    ) {
        self.model = model
        self.baseURLs = baseURLs ?? [baseURL]
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.limits = limits
    }

    public var typeName: String { "AnthropicLLM" }
    public var modelName: String { model }
    public var configuration: Row { ["model": .string(model), "base_url": .string(baseURLs[0])] }

    public mutating func load(context: StepContext) async throws {
        let client = try shared.client(
            for: AnthropicConfiguration(
                baseURLs: baseURLs, model: model, apiKeyEnvironmentVariable: apiKeyEnvironmentVariable, limits: limits)
        ) { configuration throws(LLMClientError) in try AnthropicClient(configuration: configuration) }
        runner = try ChatClientRunner.make(client, context: context)
    }

    public func unload() async {
        await runner?.flush()
    }

    public func generate(
        _ conversations: [ChatConversation], options: GenerationOptions
    ) async throws -> [LLMGenerations] {
        guard let runner else { throw LLMNotLoaded(typeName: typeName) }
        return try await runner.generate(conversations, options: options)
    }
}
