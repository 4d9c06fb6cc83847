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
