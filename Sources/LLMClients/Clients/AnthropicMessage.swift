/// What one Messages answer said.
struct AnthropicMessage: Sendable {
    /// The text blocks joined, or `nil` when the answer has none.
    var text: String?
    var inputTokens: Int
    var outputTokens: Int
    var raw: String
    var url: String

    static func parse(_ bytes: [UInt8], url: String) throws -> AnthropicMessage {
        guard let json = try? JSONValue(parsing: bytes), let blocks = json["content"]?.arrayValue else {
            throw LLMClientError.invalidResponse(url: url, message: "expected a JSON object with content blocks")
        }
        let texts = blocks.filter { $0["type"]?.stringValue == "text" }.compactMap { $0["text"]?.stringValue }
        return AnthropicMessage(
            text: texts.isEmpty ? nil : texts.joined(),
            inputTokens: json["usage"]?["input_tokens"]?.intValue ?? 0,
            outputTokens: json["usage"]?["output_tokens"]?.intValue ?? 0,
            raw: String(decoding: bytes, as: UTF8.self), url: url)
    }
}
