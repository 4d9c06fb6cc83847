extension OpenAIClient {
    /// The JSON body of a chat completions request.
    static func body(for request: ChatRequest, model: String, n: Int, stream: Bool) -> JSONValue {
        let parameters = request.parameters
        var fields: [String: JSONValue] = [
            "model": .string(model),
            "messages": .array(
                request.messages.map { .object(["role": .string($0.role), "content": .string($0.content)]) }),
        ]
        if n > 1 { fields["n"] = .integer(n) }
        if let value = parameters.temperature { fields["temperature"] = .number(value) }
        if let value = parameters.topP { fields["top_p"] = .number(value) }
        if let value = parameters.maxNewTokens { fields["max_tokens"] = .integer(value) }
        if let value = parameters.stop, !value.isEmpty { fields["stop"] = .array(value.map(JSONValue.string)) }
        if let value = parameters.seed { fields["seed"] = .integer(value) }
        if let value = parameters.frequencyPenalty { fields["frequency_penalty"] = .number(value) }
        if let value = parameters.presencePenalty { fields["presence_penalty"] = .number(value) }
        if let format = parameters.responseFormat {
            fields["response_format"] = [
                "type": "json_schema",
                "json_schema": ["name": .string(format.name), "schema": format.schema, "strict": .bool(format.strict)],
            ]
        }
        if stream {
            fields["stream"] = true
            fields["stream_options"] = ["include_usage": true]
        }
        return .object(fields)
    }
}

extension OpenAIClient {
    /// The bytes of ``body(for:model:n:stream:)`` as canonical JSON, written without building a ``JSONValue`` tree.
    static func bodyBytes(for request: ChatRequest, model: String, n: Int, stream: Bool) -> [UInt8] {
        let parameters = request.parameters
        var writer = CanonicalJSONWriter(capacity: 128 + request.messages.reduce(0) { $0 + $1.content.utf8.count })
        var first = true
        writer.byte(UInt8(ascii: "{"))
        writer.field("frequency_penalty", parameters.frequencyPenalty, &first)
        writer.field("max_tokens", parameters.maxNewTokens, &first)
        writer.separator(&first)
        writer.key("messages")
        writer.messages(request.messages)
        writer.raw(",")
        writer.key("model")
        writer.string(model)
        if n > 1 {
            writer.raw(",")
            writer.key("n")
            writer.integer(n)
        }
        writer.field("presence_penalty", parameters.presencePenalty, &first)
        if let format = parameters.responseFormat {
            writer.raw(",")
            writer.key("response_format")
            writer.raw("{\"json_schema\":{\"name\":")
            writer.string(format.name)
            writer.raw(",\"schema\":")
            writer.value(format.schema)
            writer.raw(",\"strict\":")
            writer.bool(format.strict)
            writer.raw("},\"type\":\"json_schema\"}")
        }
        writer.field("seed", parameters.seed, &first)
        writer.field("stop", parameters.stop.flatMap { $0.isEmpty ? nil : $0 }, &first)
        if stream {
            writer.raw(",\"stream\":true,\"stream_options\":{\"include_usage\":true}")
        }
        writer.field("temperature", parameters.temperature, &first)
        writer.field("top_p", parameters.topP, &first)
        writer.byte(UInt8(ascii: "}"))
        return writer.bytes
    }
}
