import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A client of OpenAI's chat completions API and every server that speaks it.
///
/// Several generations are asked for with `n`; when a server returns fewer choices than asked, the missing ones
/// are requested again until all have arrived or a request fails. With a ``ResponseFormat`` the schema is sent as
/// `response_format` and each reply validated.
public struct OpenAIClient: ChatClient {
    /// The configuration (without secrets).
    public let configuration: OpenAIConfiguration
    let executor: HTTPExecutor
    let environment: @Sendable (String) -> String?

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - httpClient: the HTTP client; the process-wide ``LLMHTTPClient/shared`` by default.
    ///   - environment: reads an environment variable; the process environment by default.
    public init(
        configuration: OpenAIConfiguration,
        httpClient: HTTPClient = LLMHTTPClient.shared,
        logger: Logger = Logger(label: "LLMClients.OpenAI"),
        environment: @escaping @Sendable (String) -> String? = { getenv($0).map { String(cString: $0) } }
    ) throws(LLMClientError) {
        self.configuration = configuration
        self.executor = try HTTPExecutor(
            baseURLs: configuration.baseURLs, limits: configuration.limits, httpClient: httpClient, logger: logger)
        self.environment = environment
    }

    public var identity: ChatClientIdentity {
        ChatClientIdentity(
            kind: .openAI, baseURLs: executor.endpoints.baseURLs, model: configuration.model,
            supportsMultipleGenerations: true)
    }

    public func generate(_ request: ChatRequest) async throws -> ChatResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Accept": "application/json"]
        if let variable = configuration.apiKeyEnvironmentVariable {
            guard let key = environment(variable), !key.isEmpty else {
                throw LLMClientError.missingAPIKey(variable: variable)
            }
            headers.add(name: "Authorization", value: "Bearer \(key)")
        }
        let wanted = request.parameters.numGenerations
        var response = ChatResponse(generations: [], errors: [])
        // Each round asks for what is still missing; a server ignoring `n` costs one round per generation.
        while response.generations.count < wanted {
            let missing = wanted - response.generations.count
            let body = Self.bodyBytes(
                for: request, model: configuration.model, n: missing, stream: configuration.stream)
            let completion: OpenAICompletion
            do {
                if configuration.stream {
                    completion = try await executor.post(
                        path: "/chat/completions", headers: Array(headers.map { ($0.name, $0.value) }), body: body,
                        streaming: true
                    ) { responseBody, url, progress in
                        try await OpenAICompletion.readStream(responseBody, url: url, progress: progress)
                    }
                } else {
                    completion = try await executor.post(
                        path: "/chat/completions", headers: headers, body: ByteBuffer(bytes: body)
                    ) { buffer, url in try OpenAICompletion.parse(buffer, url: url) }
                }
            } catch let error as LLMClientError {
                response.generations += Array(repeating: nil, count: missing)
                response.errors += Array(repeating: error, count: missing)
                break
            }
            await executor.record(tokens: completion.inputTokens + completion.outputTokens)
            response.inputTokens += completion.inputTokens
            response.outputTokens += completion.outputTokens
            response.rawResponses.append(completion.raw)
            guard !completion.texts.isEmpty else {
                let error = LLMClientError.invalidResponse(url: completion.url, message: "the answer has no choices")
                response.generations += Array(repeating: nil, count: missing)
                response.errors += Array(repeating: error, count: missing)
                break
            }
            for text in completion.texts.prefix(missing) {
                let checked = Self.validate(text, format: request.parameters.responseFormat, url: completion.url)
                response.generations.append(checked.text)
                response.errors.append(checked.error)
            }
        }
        return response
    }

    /// Checks a reply against the request's schema: a `nil` or non-conforming reply is a failure.
    static func validate(
        _ text: String?, format: ResponseFormat?, url: String
    ) -> (
        text: String?, error: LLMClientError?
    ) {
        guard let text else {
            return (nil, .invalidResponse(url: url, message: "the choice has no text content"))
        }
        guard let format else { return (text, nil) }
        if let violation = JSONSchemaValidator(schema: format.schema).firstViolation(inText: text) {
            return (nil, .schemaViolation(url: url, message: violation, output: text))
        }
        return (text, nil)
    }
}
