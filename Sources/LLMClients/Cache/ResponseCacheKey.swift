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
        // Written field by field in sorted key order: the same bytes as the `JSONValue` tree of
        // `Self.tree(identity:request:generationIndex:)` would give, without building it on every request.
        let parameters = request.parameters
        var writer = CanonicalJSONWriter(capacity: 192 + request.messages.reduce(0) { $0 + $1.content.utf8.count })
        writer.raw("{\"base_urls\":")
        writer.strings(identity.baseURLs.sorted())
        writer.raw(",\"generation_index\":")
        writer.integer(generationIndex)
        writer.raw(",\"kind\":")
        writer.string(identity.kind.rawValue)
        writer.raw(",\"messages\":")
        writer.messages(request.messages)
        writer.raw(",\"model\":")
        writer.string(identity.model)
        writer.raw(",\"parameters\":{")
        var first = true
        writer.field("frequency_penalty", parameters.frequencyPenalty, &first)
        writer.field("max_new_tokens", parameters.maxNewTokens, &first)
        writer.field("presence_penalty", parameters.presencePenalty, &first)
        writer.field("seed", parameters.seed, &first)
        writer.field("stop", parameters.stop, &first)
        writer.field("temperature", parameters.temperature, &first)
        writer.field("top_p", parameters.topP, &first)
        writer.byte(UInt8(ascii: "}"))
        if let format = parameters.responseFormat {
            writer.raw(",\"response_format\":{\"name\":")
            writer.string(format.name)
            writer.raw(",\"schema\":")
            writer.value(format.schema)
            writer.raw(",\"strict\":")
            writer.bool(format.strict)
            writer.byte(UInt8(ascii: "}"))
        }
        writer.raw(",\"version\":1}")
        canonical = String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The key as a ``JSONValue`` tree: the definition ``init(identity:request:generationIndex:)`` writes out.
    static func tree(identity: ChatClientIdentity, request: ChatRequest, generationIndex: Int) -> JSONValue {
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
        return .object(fields)
    }

    /// Creates a key from its canonical text (as read back from a durable cache).
    public init(canonical: String) {
        self.canonical = canonical
    }

    public var description: String { canonical }
}
