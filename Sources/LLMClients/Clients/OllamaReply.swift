import AsyncHTTPClient

/// What one streamed `/api/chat` answer said.
struct OllamaReply: Sendable {
    var text: String?
    var inputTokens: Int
    var outputTokens: Int
    var raw: String
    var url: String

    /// Reads NDJSON lines up to the one with `"done": true`.
    static func read(
        _ body: HTTPClientResponse.Body, url: String, progress: ProgressMarker
    ) async throws
        -> OllamaReply
    {
        var text = ""
        var lines: [String] = []
        var counts = (0, 0)
        var done = false
        try await body.forEachLine(progress: progress) { line in
            guard !done, !line.allSatisfy(\.isWhitespace) else { return }
            lines.append(String(line))
            guard let chunk = JSONValue(parsing: String(line)) else {
                throw LLMClientError.malformedStream(url: url, chunk: String(line))
            }
            if let error = chunk["error"]?.stringValue {
                throw LLMClientError.invalidResponse(url: url, message: error)
            }
            text += chunk["message"]?["content"]?.stringValue ?? ""
            if chunk["done"] == .bool(true) {
                done = true
                counts = (chunk["prompt_eval_count"]?.intValue ?? 0, chunk["eval_count"]?.intValue ?? 0)
            }
        }
        guard done else { throw LLMClientError.truncatedStream(url: url) }
        return OllamaReply(
            text: text, inputTokens: counts.0, outputTokens: counts.1, raw: lines.joined(separator: "\n"), url: url)
    }
}
