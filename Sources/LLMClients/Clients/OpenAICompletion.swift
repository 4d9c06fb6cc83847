import AsyncHTTPClient

/// What one chat completions answer said, streamed or not.
struct OpenAICompletion: Sendable {
    /// The text of each choice, ordered by choice index.
    var texts: [String?]
    var inputTokens: Int
    var outputTokens: Int
    /// The body as received (for a stream, its `data:` payloads joined by newlines).
    var raw: String
    var url: String

    /// Parses a non-streamed answer.
    static func parse(_ bytes: [UInt8], url: String) throws -> OpenAICompletion {
        let raw = String(decoding: bytes, as: UTF8.self)
        guard let json = try? JSONValue(parsing: bytes), let choices = json["choices"]?.arrayValue else {
            throw LLMClientError.invalidResponse(url: url, message: "expected a JSON object with choices")
        }
        let ordered = choices.enumerated().sorted {
            ($0.element["index"]?.intValue ?? $0.offset) < ($1.element["index"]?.intValue ?? $1.offset)
        }
        return OpenAICompletion(
            texts: ordered.map { $0.element["message"]?["content"]?.stringValue },
            inputTokens: json["usage"]?["prompt_tokens"]?.intValue ?? 0,
            outputTokens: json["usage"]?["completion_tokens"]?.intValue ?? 0,
            raw: raw, url: url)
    }

    /// Reads a server-sent-events stream up to `data: [DONE]`; a stream that ends before it is truncated.
    static func readStream(
        _ body: HTTPClientResponse.Body, url: String, progress: ProgressMarker
    ) async throws
        -> OpenAICompletion
    {
        var texts: [Int: String] = [:]
        var finished: Set<Int> = []
        var usage: (Int, Int) = (0, 0)
        var payloads: [String] = []
        var done = false
        try await body.forEachLine(progress: progress) { line in
            guard !done, line.hasPrefix("data:") else { return }
            let payload = line.dropFirst(5).drop(while: { $0 == " " })
            if payload == "[DONE]" {
                done = true
                return
            }
            payloads.append(String(payload))
            guard let chunk = JSONValue(parsing: String(payload)) else {
                throw LLMClientError.malformedStream(url: url, chunk: String(payload))
            }
            if let error = chunk["error"] {
                throw LLMClientError.invalidResponse(
                    url: url, message: error["message"]?.stringValue ?? error.canonicalJSON)
            }
            for choice in chunk["choices"]?.arrayValue ?? [] {
                let index = choice["index"]?.intValue ?? 0
                texts[index, default: ""] += choice["delta"]?["content"]?.stringValue ?? ""
                if let reason = choice["finish_reason"], reason != .null { finished.insert(index) }
            }
            if let counts = chunk["usage"], counts != .null {
                usage = (counts["prompt_tokens"]?.intValue ?? 0, counts["completion_tokens"]?.intValue ?? 0)
            }
        }
        guard done, !texts.isEmpty, finished.count == texts.count else {
            throw LLMClientError.truncatedStream(url: url)
        }
        return OpenAICompletion(
            texts: texts.keys.sorted().map { texts[$0] }, inputTokens: usage.0, outputTokens: usage.1,
            raw: payloads.joined(separator: "\n"), url: url)
    }
}
