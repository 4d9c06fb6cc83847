/// Identifies one generation of one request by what reaches the wire.
///
/// The key is canonical JSON with sorted keys over the client kind, its base URLs (sorted, so their order does
/// not matter), the model, the exact messages, the generation parameters (except the number of generations), the
/// response format and the index of the generation. Anything else (the pipeline around the request, batch sizes, other columns) does not enter
/// it, so a request answered once is answered from the cache whatever else changed.
///
/// The API key is never part of a key.
public struct ResponseCacheKey: Sendable, Hashable, CustomStringConvertible {
    /// The canonical JSON text; stable across processes and versions of this library.
    public let canonical: String

    /// Creates the key of generation `generationIndex` of `request` sent by a client with `identity`.
    public init(identity: ChatClientIdentity, request: ChatRequest, generationIndex: Int) {
        let parameters = request.parameters
        var fields: [String: JSONValue] = [
            "version": 1,
            "kind": .string(identity.kind.rawValue),
            "base_urls": .array(identity.baseURLs.sorted().map(JSONValue.string)),
            "model": .string(identity.model),
            "messages": .array(
                request.messages.map { .object(["role": .string($0.role), "content": .string($0.content)]) }),
            "generation_index": .integer(generationIndex),
        ]
        var sampling: [String: JSONValue] = [:]
        if let value = parameters.temperature { sampling["temperature"] = .number(value) }
        if let value = parameters.topP { sampling["top_p"] = .number(value) }
        if let value = parameters.maxNewTokens { sampling["max_new_tokens"] = .integer(value) }
        if let value = parameters.stop { sampling["stop"] = .array(value.map(JSONValue.string)) }
        if let value = parameters.seed { sampling["seed"] = .integer(value) }
        if let value = parameters.frequencyPenalty { sampling["frequency_penalty"] = .number(value) }
        if let value = parameters.presencePenalty { sampling["presence_penalty"] = .number(value) }
        fields["parameters"] = .object(sampling)
        if let format = parameters.responseFormat {
            fields["response_format"] = [
                "name": .string(format.name), "schema": format.schema, "strict": .bool(format.strict),
            ]
        }
        canonical = JSONValue.object(fields).canonicalJSON
    }

    /// Creates a key from its canonical text (as read back from a durable cache).
    public init(canonical: String) {
        self.canonical = canonical
    }

    public var description: String { canonical }
}
