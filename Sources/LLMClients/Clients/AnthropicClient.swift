import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A client of Anthropic's Messages API (`POST /v1/messages`).
///
/// The API has no `n`: N generations are N requests, sent concurrently. System messages are joined into the
/// top-level `system` field. Seeds and penalties have no Anthropic equivalent and are not sent. With a
/// ``ResponseFormat``, replies are validated against the schema (the API itself does not enforce it).
public struct AnthropicClient: ChatClient {
    /// The configuration (without secrets).
    public let configuration: AnthropicConfiguration
    let executor: HTTPExecutor
    let environment: @Sendable (String) -> String?

    /// Creates a client; see ``OpenAIClient/init(configuration:httpClient:logger:environment:)``.
    public init(
        configuration: AnthropicConfiguration,
        httpClient: HTTPClient = LLMHTTPClient.shared,
        logger: Logger = Logger(label: "LLMClients.Anthropic"),
        environment: @escaping @Sendable (String) -> String? = { getenv($0).map { String(cString: $0) } }
    ) throws(LLMClientError) {
        self.configuration = configuration
        self.executor = try HTTPExecutor(
            baseURLs: configuration.baseURLs, limits: configuration.limits, httpClient: httpClient, logger: logger)
        self.environment = environment
    }

    public var identity: ChatClientIdentity {
        ChatClientIdentity(
            kind: .anthropic, baseURLs: executor.endpoints.baseURLs, model: configuration.model,
            supportsMultipleGenerations: false)
    }

    public func generate(_ request: ChatRequest) async throws -> ChatResponse {
        let variable = configuration.apiKeyEnvironmentVariable
        guard let key = environment(variable), !key.isEmpty else {
            throw LLMClientError.missingAPIKey(variable: variable)
        }
        let headers: HTTPHeaders = [
            "Content-Type": "application/json", "x-api-key": key, "anthropic-version": configuration.apiVersion,
        ]
        let body = ByteBuffer(string: Self.body(for: request, configuration: configuration).canonicalJSON)
        let count = request.parameters.numGenerations
        let executor = self.executor
        let format = request.parameters.responseFormat
        return try await withThrowingTaskGroup(of: (Int, Result<AnthropicMessage, LLMClientError>).self) { group in
            for index in 0..<count {
                group.addTask {
                    do {
                        let message = try await executor.post(
                            path: "/v1/messages", headers: headers, body: body
                        ) { buffer, url in
                            try AnthropicMessage.parse(Array(buffer.readableBytesView), url: url)
                        }
                        await executor.record(tokens: message.inputTokens + message.outputTokens)
                        return (index, .success(message))
                    } catch let error as LLMClientError {
                        return (index, .failure(error))
                    }
                }
            }
            var response = ChatResponse(generations: Array(repeating: nil, count: count))
            for try await (index, outcome) in group {
                switch outcome {
                case .success(let message):
                    let checked = OpenAIClient.validate(message.text, format: format, url: message.url)
                    response.generations[index] = checked.text
                    response.errors[index] = checked.error
                    response.inputTokens += message.inputTokens
                    response.outputTokens += message.outputTokens
                    response.rawResponses.append(message.raw)
                case .failure(let error):
                    response.errors[index] = error
                }
            }
            return response
        }
    }

    /// The JSON body of a Messages request.
    static func body(for request: ChatRequest, configuration: AnthropicConfiguration) -> JSONValue {
        let parameters = request.parameters
        let system = request.messages.filter { $0.role == "system" }.map(\.content)
        var fields: [String: JSONValue] = [
            "model": .string(configuration.model),
            "max_tokens": .integer(parameters.maxNewTokens ?? configuration.defaultMaxTokens),
            "messages": .array(
                request.messages.filter { $0.role != "system" }.map {
                    .object(["role": .string($0.role), "content": .string($0.content)])
                }),
        ]
        if !system.isEmpty { fields["system"] = .string(system.joined(separator: "\n\n")) }
        if let value = parameters.temperature { fields["temperature"] = .number(value) }
        if let value = parameters.topP { fields["top_p"] = .number(value) }
        if let value = parameters.stop, !value.isEmpty {
            fields["stop_sequences"] = .array(value.map(JSONValue.string))
        }
        return .object(fields)
    }
}
