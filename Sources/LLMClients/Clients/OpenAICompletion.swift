import AsyncHTTPClient
import NIOCore

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
        try bytes.withUnsafeBytes { try parse($0, url: url) }
    }

    /// Parses a non-streamed answer as it arrived.
    static func parse(_ buffer: ByteBuffer, url: String) throws -> OpenAICompletion {
        try buffer.withUnsafeReadableBytes { try parse($0, url: url) }
    }

    /// Reads `choices[].index`, `choices[].message.content` and `usage` with a ``JSONScanner``, skipping the rest.
    private static func parse(_ bytes: UnsafeRawBufferPointer, url: String) throws -> OpenAICompletion {
        var choices: [(index: Int, text: String?)] = []
        var hasChoices = false
        var usage = (input: 0, output: 0)
        var scanner = JSONScanner(bytes)
        do throws(JSONScanner.Malformed) {
            guard scanner.peek() == UInt8(ascii: "{") else { throw JSONScanner.Malformed(offset: 0) }
            try scanner.object { (scanner, key) throws(JSONScanner.Malformed) in
                if key.is("choices"), scanner.peek() == UInt8(ascii: "[") {
                    hasChoices = true
                    try scanner.array { (scanner, position) throws(JSONScanner.Malformed) in
                        choices.append(try choice(&scanner, position: position))
                    }
                } else if key.is("usage"), scanner.peek() == UInt8(ascii: "{") {
                    try scanner.object { (scanner, key) throws(JSONScanner.Malformed) in
                        if key.is("prompt_tokens") {
                            usage.input = try scanner.intOrSkip() ?? 0
                        } else if key.is("completion_tokens") {
                            usage.output = try scanner.intOrSkip() ?? 0
                        } else {
                            try scanner.skip()
                        }
                    }
                } else {
                    try scanner.skip()
                }
            }
            try scanner.expectEnd()
        } catch {
            throw LLMClientError.invalidResponse(url: url, message: "expected a JSON object with choices")
        }
        guard hasChoices else {
            throw LLMClientError.invalidResponse(url: url, message: "expected a JSON object with choices")
        }
        if choices.count > 1 { choices.sort { $0.index < $1.index } }
        return OpenAICompletion(
            texts: choices.map { $0.text }, inputTokens: usage.input, outputTokens: usage.output,
            raw: String(decoding: bytes, as: UTF8.self), url: url)
    }

    /// One element of `choices`: its `index` (else its position) and `message.content` when that is a string.
    private static func choice(
        _ scanner: inout JSONScanner, position: Int
    ) throws(JSONScanner.Malformed) -> (index: Int, text: String?) {
        var index = position
        var text: String?
        guard scanner.peek() == UInt8(ascii: "{") else {
            try scanner.skip()
            return (index, nil)
        }
        try scanner.object { (scanner, key) throws(JSONScanner.Malformed) in
            if key.is("index") {
                index = try scanner.intOrSkip() ?? position
            } else if key.is("message"), scanner.peek() == UInt8(ascii: "{") {
                try scanner.object { (scanner, key) throws(JSONScanner.Malformed) in
                    if key.is("content"), scanner.peek() == UInt8(ascii: "\"") {
                        text = try scanner.string()
                    } else {
                        try scanner.skip()
                    }
                }
            } else {
                try scanner.skip()
            }
        }
        return (index, text)
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
