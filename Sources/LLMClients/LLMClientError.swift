/// Everything that can go wrong talking to an LLM server, with the URL and what the server said.
public indirect enum LLMClientError: Swift.Error, Sendable, Hashable, CustomStringConvertible {
    /// The environment variable that should hold the API key is not set.
    case missingAPIKey(variable: String)
    /// The configuration cannot be used (no base URL, a malformed URL…).
    case invalidConfiguration(message: String)
    /// The server answered with an error status.
    case httpStatus(url: String, status: Int, message: String)
    /// The connection failed or was lost.
    case connection(url: String, message: String)
    /// The request did not complete within the request timeout.
    case timeout(url: String, seconds: Double)
    /// A streamed response stopped sending for longer than the stall timeout.
    case streamStalled(url: String, seconds: Double)
    /// A streamed response ended without its terminator.
    case truncatedStream(url: String)
    /// A streamed response sent a chunk that is not JSON.
    case malformedStream(url: String, chunk: String)
    /// The server's answer could not be understood.
    case invalidResponse(url: String, message: String)
    /// The reply is not JSON valid against the request's schema.
    case schemaViolation(url: String, message: String, output: String)
    /// Every attempt failed; `last` is the last attempt's error.
    case retriesExhausted(attempts: Int, last: LLMClientError)

    /// Whether another attempt may succeed (408, 409, 429, 5xx, 529, connection errors, timeouts, broken streams).
    public var isRetryable: Bool {
        switch self {
        case .httpStatus(_, let status, _):
            return [408, 409, 429, 529].contains(status) || (500...599).contains(status)
        case .connection, .timeout, .streamStalled, .truncatedStream, .malformedStream: return true
        case .missingAPIKey, .invalidConfiguration, .invalidResponse, .schemaViolation, .retriesExhausted:
            return false
        }
    }

    public var description: String {
        switch self {
        case .missingAPIKey(let variable):
            return "the API key is missing: set the environment variable \(variable)"
        case .invalidConfiguration(let message):
            return "invalid LLM client configuration: \(message)"
        case .httpStatus(let url, let status, let message):
            let shown = message.count > 500 ? String(message.prefix(500)) + "…" : message
            return "\(url) answered HTTP \(status): \(shown.isEmpty ? "(empty body)" : shown)"
        case .connection(let url, let message):
            return "cannot reach \(url): \(message)"
        case .timeout(let url, let seconds):
            return "\(url) did not answer within \(Self.format(seconds)) s (request timeout)"
        case .streamStalled(let url, let seconds):
            return "the stream from \(url) sent nothing for \(Self.format(seconds)) s (stream-stall timeout)"
        case .truncatedStream(let url):
            return "the stream from \(url) ended before its end marker (truncated response)"
        case .malformedStream(let url, let chunk):
            return "the stream from \(url) sent a chunk that is not JSON: \(chunk.prefix(200))"
        case .invalidResponse(let url, let message):
            return "unexpected answer from \(url): \(message)"
        case .schemaViolation(let url, let message, let output):
            let shown = output.count > 200 ? String(output.prefix(200)) + "…" : output
            return "the reply from \(url) does not match the JSON schema: \(message); reply: \(shown)"
        case .retriesExhausted(let attempts, let last):
            return "gave up after \(attempts) attempts: \(last)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
    }
}
