public import DistilabelCore

/// Generates a response for each row: a Jinja-style ``PromptTemplate`` over columns (by default the `instruction`
/// column as is) sent as the user message, after a system prompt (the row's `system_prompt` column when it has
/// one, else ``systemPrompt``). Outputs `generation` and `model_name`.
///
/// As in distilabel, the template's variables are the step's inputs: ``columns`` defaults to them, and a column
/// listed in ``columns`` that the template never reads is an error when the step loads.
public struct TextGeneration: LLMTask {
    public var llm: any LLM
    public var generationKwargs: Row
    public var numGenerations: Int
    public var groupGenerations: Bool
    public var systemPrompt: String?
    /// A template over the row's columns; `nil` sends the `instruction` column as is.
    public var template: String?
    /// The columns the template reads (default: its variables, or `instruction` without a template).
    public var columns: [String]

    public init(
        llm: any LLM, systemPrompt: String? = nil, template: String? = nil, columns: [String]? = nil,
        numGenerations: Int = 1, groupGenerations: Bool = false, generationKwargs: Row = Row()
    ) {
        self.llm = llm
        self.systemPrompt = systemPrompt
        self.template = template
        self.columns = columns ?? template.map { PromptTemplate($0).variables } ?? ["instruction"]
        self.numGenerations = numGenerations
        self.groupGenerations = groupGenerations
        self.generationKwargs = generationKwargs
    }

    public var inputs: [InputColumn] {
        columns.map { InputColumn($0) } + [InputColumn("system_prompt", required: false)]
    }
    public var taskOutputs: [String] { ["generation"] }

    public var taskConfiguration: Row {
        var row = Row()
        row["system_prompt"] = systemPrompt.map(Value.string) ?? .null
        row["template"] = .string(template ?? "{{ instruction }}")
        row["columns"] = .list(columns.map(Value.string))
        return row
    }

    public mutating func load(context: StepContext) async throws {
        if let template {
            let variables = PromptTemplate(template).variables
            for column in columns where !variables.contains(column) {
                throw TaskError.invalidConfiguration(
                    task: "TextGeneration '\(context.stepName)'", field: "columns",
                    reason:
                        "'\(column)' is not used by the template (its variables: \(variables.joined(separator: ", ")))")
            }
        }
        try await llm.load(context: context)
    }

    public func formatInput(_ row: Row) throws -> ChatConversation {
        let content: String
        if let template {
            content = try PromptTemplate(template).render(row: row, columns: columns)
        } else {
            guard let instruction = row["instruction"], !instruction.isNull else {
                throw TaskError.missingColumn("instruction", usage: "the prompt")
            }
            content = instruction.stringValue ?? instruction.jsonString()
        }
        var messages: ChatConversation = []
        if let rowPrompt = row["system_prompt"]?.stringValue {
            messages.append(.system(rowPrompt))
        } else if let systemPrompt {
            messages.append(.system(systemPrompt))
        }
        messages.append(.user(content))
        return messages
    }

    public func formatOutput(_ text: String?, input: Row) -> Row {
        ["generation": text.map(Value.string) ?? .null]
    }
}
