public import DistilabelCore
import Foundation
import LLMClients

/// An OpenAI-compatible chat-completions server: OpenAI, vLLM, TGI, SGLang, llama.cpp's server, Ollama's `/v1`,
/// LM Studio, OpenRouter… The API key is read at request time from the environment variable named by
/// ``apiKeyEnvironmentVariable`` and never written to `pipeline.yaml`, logs or the cache.
public struct OpenAILLM: LLM {
    public var model: String
    /// One base URL, or several replicas of one server to spread requests across.
    public var baseURLs: [String]
    public var apiKeyEnvironmentVariable: String?
    /// Requests in flight, rate limits, retries and timeouts (not part of the signature).
    public var limits: ClientLimits
    /// A JSON schema replies must follow (structured output), if any.
    public var responseFormat: ResponseFormat?
    private var runner: ChatClientRunner?
    private let shared = SharedClient<OpenAIConfiguration, OpenAIClient>()

    public init(
        model: String, baseURL: String = "https://api.openai.com/v1", baseURLs: [String]? = nil,
        apiKeyEnvironmentVariable: String? = "OPENAI_API_KEY", limits: ClientLimits = ClientLimits(),
        responseFormat: ResponseFormat? = nil
    ) {
        self.model = model
        self.baseURLs = baseURLs ?? [baseURL]
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.limits = limits
        self.responseFormat = responseFormat
    }

    public var typeName: String { "OpenAILLM" }
    public var modelName: String { model }
    public var configuration: Row {
        var row: Row = ["model": .string(model), "base_url": .string(baseURLs[0])]
        if baseURLs.count > 1 { row["base_urls"] = .list(baseURLs.map(Value.string)) }
        if let responseFormat { row["structured_output"] = .string(responseFormat.schema.canonicalJSON) }
        return row
    }

    public mutating func load(context: StepContext) async throws {
        let client = try shared.client(
            for: OpenAIConfiguration(
                baseURLs: baseURLs, model: model, apiKeyEnvironmentVariable: apiKeyEnvironmentVariable, limits: limits)
        ) { configuration throws(LLMClientError) in try OpenAIClient(configuration: configuration) }
        runner = try ChatClientRunner.make(client, context: context)
    }

    public func unload() async {
        await runner?.flush()
    }

    public func generate(
        _ conversations: [ChatConversation], options: GenerationOptions
    ) async throws -> [LLMGenerations] {
        guard let runner else { throw LLMNotLoaded(typeName: typeName) }
        return try await runner.generate(conversations, options: options, responseFormat: responseFormat)
    }
}

/// `generate` was called before `load(context:)`.
struct LLMNotLoaded: Error, CustomStringConvertible {
    let typeName: String
    var description: String { "\(typeName) was used before it was loaded" }
}
