public import DistilabelCore

/// Generates JSON that follows a JSON schema given per row (distilabel's `StructuredGeneration`).
///
/// Inputs `instruction` and `structured_output`: a JSON schema (a struct, or its JSON text), or distilabel's
/// `{"format": "json", "schema": …}`. The schema reaches the LLM as ``GenerationOptions/structuredOutput``
/// (`OpenAILLM` sends it as `response_format: json_schema`) and is also stated in the prompt for servers that
/// cannot enforce it. Outputs `generation` — the JSON text, when it parses and conforms to the schema; otherwise
/// null, with the raw answer in `distilabel_metadata` and the violation in `error_<step>` — and `model_name`.
public struct StructuredGeneration: LLMTask {
    public var llm: any LLM
    public var generationKwargs: Row
    public var numGenerations: Int
    public var groupGenerations: Bool
    /// Whether a `system_prompt` column, when present, is sent as the system message.
    public var useSystemPrompt: Bool

    public init(
        llm: any LLM, useSystemPrompt: Bool = false, numGenerations: Int = 1, groupGenerations: Bool = false,
        generationKwargs: Row = Row()
    ) {
        self.llm = llm
        self.useSystemPrompt = useSystemPrompt
        self.numGenerations = numGenerations
        self.groupGenerations = groupGenerations
        self.generationKwargs = generationKwargs
    }

    public var inputs: [InputColumn] {
        (useSystemPrompt ? [InputColumn("system_prompt", required: false)] : [])
            + [InputColumn("instruction"), InputColumn("structured_output")]
    }
    public var taskOutputs: [String] { ["generation"] }
    public var taskConfiguration: Row { ["use_system_prompt": .bool(useSystemPrompt)] }

    public func formatInput(_ row: Row) throws -> ChatConversation {
        guard let instruction = row["instruction"]?.stringValue else {
            throw TaskError.missingColumn("instruction", usage: "a string: what to generate")
        }
        let schema = try Self.schema(in: row)
        var messages: ChatConversation = []
        if useSystemPrompt, let system = row["system_prompt"]?.stringValue { messages.append(.system(system)) }
        messages.append(
            .user(instruction + "\n\nAnswer with JSON only, following this JSON schema:\n" + schema.jsonString()))
        return messages
    }

    public func structuredOutput(for row: Row) -> Value? {
        try? Self.schema(in: row)
    }

    /// The JSON schema of a row's `structured_output`.
    static func schema(in row: Row) throws -> Value {
        guard var value = row["structured_output"], !value.isNull else {
            throw TaskError.missingColumn("structured_output", usage: "the JSON schema to follow")
        }
        if case .string(let text) = value {
            do { value = try Value(json: text) } catch {
                throw TaskError.invalidColumn("structured_output", reason: "not valid JSON: \(error)")
            }
        }
        if case .struct(let wrapper) = value, let format = wrapper["format"]?.stringValue, let inner = wrapper["schema"]
        {
            guard format == "json" else {
                throw TaskError.invalidColumn(
                    "structured_output", reason: "format '\(format)' is not supported; use a JSON schema")
            }
            value = inner
            if case .string(let text) = value { value = (try? Value(json: text)) ?? value }
        }
        guard case .struct = value else {
            throw TaskError.invalidColumn(
                "structured_output", reason: "expected a JSON schema object, found \(value.kindName)")
        }
        return value
    }

    public func formatOutput(_ text: String?, input: Row) -> Row {
        parseOutput(text, input: input).columns
    }

    public func parseOutput(_ text: String?, input: Row) -> ParsedOutput {
        guard let text else { return ParsedOutput(columns: ["generation": .null]) }
        let json = AnswerParsing.jsonText(text)
        let value: Value
        do { value = try Value(json: json) } catch {
            return ParsedOutput(columns: ["generation": .null], error: "the answer is not JSON: \(error)")
        }
        if let schema = try? Self.schema(in: input), let problem = SchemaCheck.violation(of: value, schema: schema) {
            return ParsedOutput(
                columns: ["generation": .null], error: "the answer does not follow the schema: \(problem)")
        }
        return ParsedOutput(columns: ["generation": .string(json)])
    }
}
