import AsyncHTTPClient
import Logging

/// A client of Ollama's native chat API (`POST /api/chat`), reading its NDJSON stream.
///
/// N generations are N requests, sent concurrently. Sampling parameters go into `options` (`num_predict` for
/// ``GenerationParameters/maxNewTokens``); a ``ResponseFormat`` schema goes into `format` and replies are
/// validated. A stream that ends without a `"done": true` line is truncated and retried.
public struct OllamaClient: ChatClient {
    /// The configuration.
    public let configuration: OllamaConfiguration
    let executor: HTTPExecutor

    /// Creates a client.
    public init(
        configuration: OllamaConfiguration,
        httpClient: HTTPClient = LLMHTTPClient.shared,
        logger: Logger = Logger(label: "LLMClients.Ollama")
    ) throws(LLMClientError) {
        self.configuration = configuration
        self.executor = try HTTPExecutor(
            baseURLs: configuration.hosts, limits: configuration.limits, httpClient: httpClient, logger: logger)
    }

    public var identity: ChatClientIdentity {
        ChatClientIdentity(
            kind: .ollama, baseURLs: executor.endpoints.baseURLs, model: configuration.model,
            supportsMultipleGenerations: false)
    }

    public func generate(_ request: ChatRequest) async throws -> ChatResponse {
        let body = Array(Self.body(for: request, model: configuration.model).canonicalJSON.utf8)
        let count = request.parameters.numGenerations
        let executor = self.executor
        let format = request.parameters.responseFormat
        let headers = [("Content-Type", "application/json")]
        return try await withThrowingTaskGroup(of: (Int, Result<OllamaReply, LLMClientError>).self) { group in
            for index in 0..<count {
                group.addTask {
                    do {
                        let reply = try await executor.post(
                            path: "/api/chat", headers: headers, body: body, streaming: true
                        ) { responseBody, url, progress in
                            try await OllamaReply.read(responseBody, url: url, progress: progress)
                        }
                        await executor.record(tokens: reply.inputTokens + reply.outputTokens)
                        return (index, .success(reply))
                    } catch let error as LLMClientError {
                        return (index, .failure(error))
                    }
                }
            }
            var response = ChatResponse(generations: Array(repeating: nil, count: count))
            for try await (index, outcome) in group {
                switch outcome {
                case .success(let reply):
                    let checked = OpenAIClient.validate(reply.text, format: format, url: reply.url)
                    response.generations[index] = checked.text
                    response.errors[index] = checked.error
                    response.inputTokens += reply.inputTokens
                    response.outputTokens += reply.outputTokens
                    response.rawResponses.append(reply.raw)
                case .failure(let error):
                    response.errors[index] = error
                }
            }
            return response
        }
    }

    /// The JSON body of an `/api/chat` request.
    static func body(for request: ChatRequest, model: String) -> JSONValue {
        let parameters = request.parameters
        var options: [String: JSONValue] = [:]
        if let value = parameters.temperature { options["temperature"] = .number(value) }
        if let value = parameters.topP { options["top_p"] = .number(value) }
        if let value = parameters.maxNewTokens { options["num_predict"] = .integer(value) }
        if let value = parameters.stop, !value.isEmpty { options["stop"] = .array(value.map(JSONValue.string)) }
        if let value = parameters.seed { options["seed"] = .integer(value) }
        if let value = parameters.frequencyPenalty { options["frequency_penalty"] = .number(value) }
        if let value = parameters.presencePenalty { options["presence_penalty"] = .number(value) }
        var fields: [String: JSONValue] = [
            "model": .string(model),
            "stream": true,
            "messages": .array(
                request.messages.map { .object(["role": .string($0.role), "content": .string($0.content)]) }),
        ]
        if !options.isEmpty { fields["options"] = .object(options) }
        if let format = parameters.responseFormat { fields["format"] = format.schema }
        return .object(fields)
    }
}
