import Foundation

/// Generates a response for each row: the `instruction` column, or a template over several columns, sent as the
/// user message (after an optional system prompt). Outputs `generation` and `model_name`.
public struct TextGeneration: LLMTask {
    public var llm: any LLM
    public var generationKwargs: Row
    public var numGenerations: Int
    public var groupGenerations: Bool
    public var systemPrompt: String?
    /// A template with `{{ column }}` placeholders; `nil` sends the `instruction` column as is.
    public var template: String?
    /// The columns the template reads (default: the placeholders found in it).
    public var columns: [String]

    public init(
        llm: any LLM, systemPrompt: String? = nil, template: String? = nil, columns: [String]? = nil,
        numGenerations: Int = 1, groupGenerations: Bool = false, generationKwargs: Row = Row()
    ) {
        self.llm = llm
        self.systemPrompt = systemPrompt
        self.template = template
        self.columns = columns ?? template.map(PromptTemplate.placeholders) ?? ["instruction"]
        self.numGenerations = numGenerations
        self.groupGenerations = groupGenerations
        self.generationKwargs = generationKwargs
    }

    public var inputs: [InputColumn] { columns.map { InputColumn($0) } }
    public var taskOutputs: [String] { ["generation"] }

    public var taskConfiguration: Row {
        var row = Row()
        row["system_prompt"] = systemPrompt.map(Value.string) ?? .null
        row["template"] = .string(template ?? "{{ instruction }}")
        row["columns"] = .list(columns.map(Value.string))
        return row
    }

    public func formatInput(_ row: Row) throws -> ChatConversation {
        let content: String
        if let template {
            content = try PromptTemplate.render(template, row: row)
        } else {
            guard let instruction = row["instruction"], !instruction.isNull else {
                throw PipelineError.invalidRuntimeParameter(
                    step: "text_generation", parameter: "instruction", reason: "the row has no 'instruction'")
            }
            content = instruction.stringValue ?? instruction.jsonString()
        }
        var messages: ChatConversation = []
        if let systemPrompt { messages.append(.system(systemPrompt)) }
        messages.append(.user(content))
        return messages
    }

    public func formatOutput(_ text: String?, input: Row) -> Row {
        ["generation": text.map(Value.string) ?? .null]
    }
}

/// Minimal `{{ column }}` templates.
enum PromptTemplate {
    /// The placeholder names in order of first appearance.
    static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            if !names.contains(name) { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// The template with each placeholder replaced by the row's value (strings as is, others as JSON).
    static func render(_ template: String, row: Row) throws -> String {
        var output = ""
        var rest = template[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            output += rest[..<open.lowerBound]
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            guard let value = row[name] else {
                throw PipelineError.invalidRuntimeParameter(
                    step: "template", parameter: name, reason: "the row has no column '\(name)' used by the template")
            }
            output += value.stringValue ?? value.jsonString()
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
