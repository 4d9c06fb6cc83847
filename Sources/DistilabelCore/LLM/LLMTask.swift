/// A step that formats each row as a conversation, asks an LLM, and parses the answer into columns.
///
/// Conform by providing ``formatInput(_:)``, ``formatOutput(_:input:)`` and ``taskOutputs``; the processing
/// (generation count, grouping, `model_name`, `distilabel_metadata`) is shared. A row whose input cannot be
/// formatted, or whose generation failed, gets null outputs and the reason in its metadata; the other rows go on.
public protocol LLMTask: ProcessingStep {
    var llm: any LLM { get set }
    /// distilabel's `generation_kwargs`: settable at run time as `llm.generation_kwargs.*`.
    var generationKwargs: Row { get set }
    var numGenerations: Int { get }
    /// With several generations: one row holding lists (true) or one row per generation (false).
    var groupGenerations: Bool { get }
    /// The columns ``formatOutput(_:input:)`` returns.
    var taskOutputs: [String] { get }
    /// The conversation for one row.
    func formatInput(_ row: Row) throws -> ChatConversation
    /// The output columns for one generated text (`nil`: the generation failed).
    func formatOutput(_ text: String?, input: Row) -> Row
    /// The output columns for one generated text and, when the text could not be parsed, why (recorded in
    /// `distilabel_metadata` as `error_<step>`). Defaults to ``formatOutput(_:input:)`` with no error.
    func parseOutput(_ text: String?, input: Row) -> ParsedOutput
    /// The JSON schema the LLM must follow for this row (structured output), or `nil` (the default) for free text.
    func structuredOutput(for row: Row) -> Value?
    /// The task's own parameters for the signature and `pipeline.yaml` (the LLM's are added).
    var taskConfiguration: Row { get }
}

extension LLMTask {
    public var outputs: [String] { taskOutputs + ["model_name"] }
    public var taskConfiguration: Row { Row() }
    public func parseOutput(_ text: String?, input: Row) -> ParsedOutput {
        ParsedOutput(columns: formatOutput(text, input: input))
    }
    public func structuredOutput(for row: Row) -> Value? { nil }

    public var configuration: Row {
        var row = taskConfiguration
        row["num_generations"] = .int(Int64(numGenerations))
        row["group_generations"] = .bool(groupGenerations)
        var llmRow = llm.configuration
        llmRow["type"] = .string(llm.typeName)
        llmRow["generation_kwargs"] = .struct(generationKwargs)
        row["llm"] = .struct(llmRow)
        return row
    }

    public var runtimeParameters: [RuntimeParameterInfo] { llmRuntimeParameters }

    public mutating func applyRuntimeParameters(_ values: Row) throws {
        try applyLLMRuntimeParameters(values)
    }

    /// The `llm` runtime parameter: `generation_kwargs` and the LLM's own (for tasks that add parameters).
    public var llmRuntimeParameters: [RuntimeParameterInfo] {
        let kwargs = [
            "max_new_tokens", "temperature", "top_p", "top_k", "stop", "seed", "frequency_penalty",
            "presence_penalty",
        ]
        let generation = RuntimeParameterInfo(
            name: "generation_kwargs", description: "The kwargs to be propagated to the LLM's generate method.",
            children: kwargs.map { RuntimeParameterInfo(name: $0) })
        return [RuntimeParameterInfo(name: "llm", children: [generation] + llm.runtimeParameters)]
    }

    /// Applies the `llm` part of `values`: `generation_kwargs` and the LLM's own parameters.
    public mutating func applyLLMRuntimeParameters(_ values: Row) throws {
        guard case .struct(var llmValues) = values["llm"] ?? .null else { return }
        if case .struct(let kwargs) = llmValues.removeValue(forColumn: "generation_kwargs") ?? .null {
            generationKwargs = generationKwargs.merging(kwargs)
        }
        try llm.applyRuntimeParameters(llmValues)
    }

    public mutating func load(context: StepContext) async throws {
        try await llm.load(context: context)
    }

    public func unload() async {
        await llm.unload()
    }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        let rows = inputs.flatMap { $0 }
        var conversations: [ChatConversation] = []
        var schemas: [Value?] = []
        var formatErrors: [Int: String] = [:]
        var indices: [Int] = []
        for (index, row) in rows.enumerated() {
            do {
                conversations.append(try formatInput(row))
                schemas.append(structuredOutput(for: row))
                indices.append(index)
            } catch {
                formatErrors[index] = "Step '\(context.stepName)': \(error)"
            }
        }
        let options = GenerationOptions(kwargs: generationKwargs, numGenerations: numGenerations)
        let generated = try await generate(conversations, schemas: schemas, options: options)
        var byRow: [Int: (ChatConversation, LLMGenerations)] = [:]
        for (position, index) in indices.enumerated() where position < generated.count {
            byRow[index] = (conversations[position], generated[position])
        }
        var output: [Row] = []
        for (index, row) in rows.enumerated() {
            let (conversation, generations) =
                byRow[index]
                ?? ([], LLMGenerations(texts: Array(repeating: nil, count: numGenerations), error: formatErrors[index]))
            output.append(
                contentsOf: rowsFor(row, conversation: conversation, generations: generations, step: context.stepName))
        }
        return output
    }

    /// Generates for every conversation: one call to the LLM per distinct structured output, run concurrently, the
    /// results in the conversations' order.
    func generate(
        _ conversations: [ChatConversation], schemas: [Value?], options: GenerationOptions
    ) async throws -> [LLMGenerations] {
        if conversations.isEmpty { return [] }
        var groups: [Value?: [Int]] = [:]
        var order: [Value?] = []
        for (index, schema) in schemas.enumerated() {
            if groups[schema] == nil { order.append(schema) }
            groups[schema, default: []].append(index)
        }
        if order.count == 1 {
            var single = options
            single.structuredOutput = order[0]
            return try await llm.generate(conversations, options: single)
        }
        let llm = self.llm
        return try await withThrowingTaskGroup(of: ([Int], [LLMGenerations]).self) { group in
            for schema in order {
                let members = groups[schema] ?? []
                var schemaOptions = options
                schemaOptions.structuredOutput = schema
                let groupOptions = schemaOptions
                let subset = members.map { conversations[$0] }
                group.addTask { (members, try await llm.generate(subset, options: groupOptions)) }
            }
            var results = [LLMGenerations](repeating: LLMGenerations(texts: []), count: conversations.count)
            for try await (members, generations) in group {
                for (member, generation) in zip(members, generations) { results[member] = generation }
            }
            return results
        }
    }

    private func rowsFor(_ row: Row, conversation: ChatConversation, generations: LLMGenerations, step: String) -> [Row]
    {
        let texts = generations.texts.isEmpty ? [nil] : generations.texts
        let parsed = texts.map { parseOutput($0, input: row) }
        let formatted = parsed.map(\.columns)
        var metadata = row[MetadataColumn.name]?.structValue ?? Row()
        metadata["raw_input_\(step)"] = .list(
            conversation.map { ["role": .string($0.role), "content": .string($0.content)] })
        metadata["statistics_\(step)"] = [
            "input_tokens": .list(generations.statistics.inputTokens.map { .int(Int64($0)) }),
            "output_tokens": .list(generations.statistics.outputTokens.map { .int(Int64($0)) }),
        ]
        let errors = [generations.error] + (groupGenerations || texts.count == 1 ? parsed.map(\.error) : [])
        let joined = errors.compactMap { $0 }.joined(separator: "; ")
        if !joined.isEmpty { metadata["error_\(step)"] = .string(joined) }
        if groupGenerations || texts.count == 1 {
            var result = row
            for column in taskOutputs {
                result[column] =
                    groupGenerations ? .list(formatted.map { $0[column] ?? .null }) : (formatted[0][column] ?? .null)
            }
            result["model_name"] = .string(llm.modelName)
            metadata["raw_output_\(step)"] =
                groupGenerations
                ? .list(texts.map { $0.map(Value.string) ?? .null }) : (texts[0].map(Value.string) ?? .null)
            result[MetadataColumn.name] = .struct(metadata)
            return [result]
        }
        return zip(texts, parsed).map { text, output in
            var result = row
            for column in taskOutputs { result[column] = output.columns[column] ?? .null }
            result["model_name"] = .string(llm.modelName)
            var rowMetadata = metadata
            let rowError = [generations.error, output.error].compactMap { $0 }.joined(separator: "; ")
            if !rowError.isEmpty { rowMetadata["error_\(step)"] = .string(rowError) }
            rowMetadata["raw_output_\(step)"] = text.map(Value.string) ?? .null
            result[MetadataColumn.name] = .struct(rowMetadata)
            return result
        }
    }
}

/// The columns parsed from one generated text, and why parsing failed when it did.
public struct ParsedOutput: Sendable, Hashable {
    /// The task's output columns (null values where parsing failed).
    public var columns: Row
    /// Why the text could not be parsed, recorded in `distilabel_metadata` as `error_<step>`; `nil` when it could.
    public var error: String?

    public init(columns: Row, error: String? = nil) {
        self.columns = columns
        self.error = error
    }
}
