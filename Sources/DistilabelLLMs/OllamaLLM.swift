public import DistilabelCore
import Foundation
import LLMClients

/// Ollama's native API (`/api/chat`, streamed NDJSON).
public struct OllamaLLM: LLM {
    public var model: String
    /// One host, or several to spread requests across.
    public var hosts: [String]
    public var limits: ClientLimits
    private var runner: ChatClientRunner?
    private let shared = SharedClient<OllamaConfiguration, OllamaClient>()

    public init(
        model: String, host: String = "http://localhost:11434", hosts: [String]? = nil,
        limits: ClientLimits = ClientLimits()
    ) {
        self.model = model
        self.hosts = hosts ?? [host]
        self.limits = limits
    }

    public var typeName: String { "OllamaLLM" }
    public var modelName: String { model }
    public var configuration: Row { ["model": .string(model), "host": .string(hosts[0])] }

    public mutating func load(context: StepContext) async throws {
        let client = try shared.client(for: OllamaConfiguration(hosts: hosts, model: model, limits: limits)) {
            configuration throws(LLMClientError) in try OllamaClient(configuration: configuration)
        }
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
