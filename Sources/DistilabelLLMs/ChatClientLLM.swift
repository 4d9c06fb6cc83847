import DistilabelCore
import Foundation
import LLMClients

/// What the OpenAI, Anthropic and Ollama LLMs share: turning conversations into requests for a ``ChatClient``
/// wrapped in the pipeline's response cache.
struct ChatClientRunner: Sendable {
    let client: any ChatClient

    /// A client answering from the pipeline's response cache where it can.
    static func make<Client: ChatClient>(_ client: Client, context: StepContext) throws -> ChatClientRunner {
        guard let directory = context.pipelineCacheDirectory else { return ChatClientRunner(client: client) }
        let cache = try DurableResponseCache.shared(
            directory: URL(fileURLWithPath: directory).appendingPathComponent("responses"))
        return ChatClientRunner(
            client: CachingChatClient(wrapping: client, cache: cache, ignoreCache: context.ignoreCache))
    }

    func generate(
        _ conversations: [ChatConversation], options: GenerationOptions, responseFormat: ResponseFormat? = nil
    ) async throws -> [LLMGenerations] {
        let parameters = GenerationParameters(
            temperature: options.temperature, topP: options.topP, maxNewTokens: options.maxNewTokens,
            stop: options.stop.isEmpty ? nil : options.stop, seed: options.seed,
            frequencyPenalty: options.extra["frequency_penalty"]?.doubleValue,
            presencePenalty: options.extra["presence_penalty"]?.doubleValue, numGenerations: options.numGenerations,
            responseFormat: try options.structuredOutput.map(Self.responseFormat) ?? responseFormat)
        return try await withThrowingTaskGroup(of: (Int, LLMGenerations).self) { group in
            for (index, conversation) in conversations.enumerated() {
                let request = ChatRequest(
                    messages: conversation.map { LLMClients.ChatMessage(role: $0.role, content: $0.content) },
                    parameters: parameters)
                group.addTask {
                    let response = try await client.generate(request)
                    let errors = response.errors.compactMap { $0.map { "\($0)" } }
                    let count = response.generations.count
                    let statistics = TokenStatistics(
                        inputTokens: Array(repeating: response.inputTokens / max(1, count), count: count),
                        outputTokens: Array(repeating: response.outputTokens / max(1, count), count: count))
                    return (
                        index,
                        LLMGenerations(
                            texts: response.generations, statistics: statistics,
                            error: errors.isEmpty ? nil : errors.joined(separator: "; "))
                    )
                }
            }
            var results = [LLMGenerations?](repeating: nil, count: conversations.count)
            for try await (index, generations) in group { results[index] = generations }
            return results.map { $0! }
        }
    }

    /// A task's structured output (a JSON schema, or distilabel's `{"format": "json", "schema": …}`) as the
    /// client's response format.
    static func responseFormat(_ schema: Value) throws -> ResponseFormat {
        var schema = schema
        if case .struct(let row) = schema, let inner = row["schema"], row["format"] != nil { schema = inner }
        if case .string(let text) = schema { schema = try Value(json: text) }
        let json = try JSONValue(parsing: Array(schema.jsonString().utf8))
        let title = schema.structValue?["title"]?.stringValue ?? "response"
        let name = String(title.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }.prefix(64))
        return ResponseFormat(name: name.isEmpty ? "response" : name, schema: json)
    }

    func flush() async {
        if let caching = client as? any CachedChatClient { try? await caching.flushCache() }
    }
}

/// A client whose response cache can be flushed.
protocol CachedChatClient: Sendable {
    func flushCache() async throws
}

extension CachingChatClient: CachedChatClient {
    func flushCache() async throws {
        if let durable = cache as? DurableResponseCache { try await durable.flush() }
    }
}
