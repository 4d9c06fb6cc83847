/// Structured output: the reply must be JSON valid against a JSON schema.
///
/// OpenAI-compatible servers receive it as `response_format: {"type": "json_schema", …}`, Ollama as `format`.
/// The reply is validated on arrival; a reply that does not conform counts as a failed generation.
public struct ResponseFormat: Sendable, Hashable, Codable {
    /// A name for the schema (OpenAI requires one).
    public var name: String
    /// The JSON schema the reply must satisfy.
    public var schema: JSONValue
    /// Whether the server is asked to enforce the schema strictly.
    public var strict: Bool

    /// Creates a structured-output format.
    public init(name: String = "response", schema: JSONValue, strict: Bool = true) {
        self.name = name
        self.schema = schema
        self.strict = strict
    }
}
