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
    /// The task's own parameters for the signature and `pipeline.yaml` (the LLM's are added).
    var taskConfiguration: Row { get }
}

extension LLMTask {
    public var outputs: [String] { taskOutputs + ["model_name"] }
    public var taskConfiguration: Row { Row() }

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

    public var runtimeParameters: [RuntimeParameterInfo] {
        let kwargs = [
            "max_new_tokens", "temperature", "top_p", "top_k", "stop", "seed", "frequency_penalty",
            "presence_penalty",
        ]
        let generation = RuntimeParameterInfo(
            name: "generation_kwargs", description: "The kwargs to be propagated to the LLM's generate method.",
            children: kwargs.map { RuntimeParameterInfo(name: $0) })
        return [RuntimeParameterInfo(name: "llm", children: [generation] + llm.runtimeParameters)]
    }

    public mutating func applyRuntimeParameters(_ values: Row) throws {
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
        var formatErrors: [Int: String] = [:]
        var indices: [Int] = []
        for (index, row) in rows.enumerated() {
            do {
                conversations.append(try formatInput(row))
                indices.append(index)
            } catch {
                formatErrors[index] = "\(error)"
            }
        }
        let options = GenerationOptions(kwargs: generationKwargs, numGenerations: numGenerations)
        let generated = conversations.isEmpty ? [] : try await llm.generate(conversations, options: options)
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

    private func rowsFor(_ row: Row, conversation: ChatConversation, generations: LLMGenerations, step: String) -> [Row]
    {
        let texts = generations.texts.isEmpty ? [nil] : generations.texts
        let formatted = texts.map { formatOutput($0, input: row) }
        var metadata = row[MetadataColumn.name]?.structValue ?? Row()
        metadata["raw_input_\(step)"] = .list(
            conversation.map { ["role": .string($0.role), "content": .string($0.content)] })
        metadata["statistics_\(step)"] = [
            "input_tokens": .list(generations.statistics.inputTokens.map { .int(Int64($0)) }),
            "output_tokens": .list(generations.statistics.outputTokens.map { .int(Int64($0)) }),
        ]
        if let error = generations.error { metadata["error_\(step)"] = .string(error) }
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
        return zip(texts, formatted).map { text, columns in
            var result = row
            for column in taskOutputs { result[column] = columns[column] ?? .null }
            result["model_name"] = .string(llm.modelName)
            var rowMetadata = metadata
            rowMetadata["raw_output_\(step)"] = text.map(Value.string) ?? .null
            result[MetadataColumn.name] = .struct(rowMetadata)
            return result
        }
    }
}
