/// What the formatting steps share: chat turns as Python distilabel writes them, the SHA-256 `prompt_id`, the
/// first user turn of a conversation, and errors that name the step, row and column.
enum ChatTurns {
    /// `{"role": role, "content": content}`, fields in that order.
    static func turn(_ role: String, _ content: Value) -> Value {
        .struct(Row(columns: ["role", "content"], values: [.string(role), content]))
    }

    /// The SHA-256 hex of the prompt's UTF-8 bytes (Python: `hashlib.sha256(prompt.encode("utf-8")).hexdigest()`),
    /// which needs the prompt to be a string.
    static func promptID(
        _ prompt: Value, source column: String, row: Int, context: StepContext
    ) throws(PipelineError) -> String {
        guard let text = prompt.stringValue else {
            throw invalid(
                row, column, "the prompt must be a string to compute prompt_id, got \(prompt.kindName)",
                context: context)
        }
        return SHA256.hex(text)
    }

    /// Sets the row's `prompt` (the first user turn of its `messages`) and `prompt_id`, and returns the messages:
    /// what the chat formatting steps do first.
    static func applyChatPrompt(to row: inout Row, index: Int, context: StepContext) throws(PipelineError) -> [Value] {
        let prompt = try firstUserContent(row["messages"], column: "messages", row: index, context: context)
        row["prompt"] = prompt
        row["prompt_id"] = .string(try promptID(prompt, source: "messages", row: index, context: context))
        return try list(row["messages"], column: "messages", row: index, context: context)
    }

    /// The content of the first turn whose role is `user`, or null when there is none (Python:
    /// `next((turn["content"] for turn in messages if turn["role"] == "user"), None)`).
    static func firstUserContent(
        _ messages: Value?, column: String, row: Int, context: StepContext
    )
        throws(PipelineError) -> Value
    {
        let turns = try list(messages, column: column, row: row, context: context)
        for (index, turn) in turns.enumerated() {
            guard case .struct(let fields) = turn else {
                throw invalid(row, column, "turn \(index) is \(turn.kindName), expected a mapping", context: context)
            }
            guard let role = fields["role"] else {
                throw invalid(row, column, "turn \(index) has no 'role'", context: context)
            }
            guard role == .string("user") else { continue }
            guard let content = fields["content"] else {
                throw invalid(row, column, "turn \(index) (role 'user') has no 'content'", context: context)
            }
            return content
        }
        return .null
    }

    /// The column's value as a list, or an error naming it.
    static func list(
        _ value: Value?, column: String, row: Int, context: StepContext
    ) throws(PipelineError)
        -> [Value]
    {
        guard let value else { throw invalid(row, column, "the row has no such column", context: context) }
        guard case .list(let elements) = value else {
            throw invalid(row, column, "expected a list, got \(value.kindName)", context: context)
        }
        return elements
    }

    /// The column's value, or an error when the row lacks it (Python raises `KeyError`).
    static func required(
        _ row: Row, _ column: String, index: Int, context: StepContext
    ) throws(PipelineError)
        -> Value
    {
        guard let value = row[column] else {
            throw invalid(index, column, "the row has no such column", context: context)
        }
        return value
    }

    /// The system prompt when the row has a non-empty string in `system_prompt`, as Python distilabel checks.
    static func systemPrompt(of row: Row) -> Value? {
        guard let text = row["system_prompt"]?.stringValue, !text.isEmpty else { return nil }
        return .string(text)
    }

    static func invalid(_ row: Int, _ column: String, _ reason: String, context: StepContext) -> PipelineError {
        .invalidRow(step: context.stepName, row: row, column: column, reason: reason)
    }
}
