/// Formats the output of ``TextGeneration``-like steps for supervised fine-tuning (SFT), as Python distilabel's
/// `FormatTextGenerationSFT` does (the format of alignment-handbook and axolotl, e.g. `HuggingFaceH4/ultrachat_200k`).
///
/// Reads `instruction`, `generation` and, when present, `system_prompt`; adds:
/// - `prompt`: the instruction;
/// - `prompt_id`: the SHA-256 hex of the prompt's UTF-8 bytes;
/// - `messages`: `[{"role": "user", "content": instruction}, {"role": "assistant", "content": generation}]`,
///   preceded by `{"role": "system", "content": system_prompt}` when `system_prompt` is a non-empty string.
///
/// Every other column is kept; a column the row already has keeps its place. A row whose instruction is not a
/// string fails its batch (Python raises as well), which then goes on with these columns null.
///
/// ```swift
/// load >>> p.add(TextGeneration(llm: llm)) >>> p.add(FormatTextGenerationSFT())
/// ```
public struct FormatTextGenerationSFT: ProcessingStep {
    /// A step with no parameters.
    public init() {}

    public var inputs: [InputColumn] {
        [InputColumn("system_prompt", required: false), InputColumn("instruction"), InputColumn("generation")]
    }

    public var outputs: [String] { ["prompt", "prompt_id", "messages"] }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        var result: [Row] = []
        for (index, row) in inputs.flatMap({ $0 }).enumerated() {
            var row = row
            let instruction = try ChatTurns.required(row, "instruction", index: index, context: context)
            let generation = try ChatTurns.required(row, "generation", index: index, context: context)
            row["prompt"] = instruction
            row["prompt_id"] = .string(
                try ChatTurns.promptID(instruction, source: "instruction", row: index, context: context))
            var messages = [ChatTurns.turn("user", instruction), ChatTurns.turn("assistant", generation)]
            if let system = ChatTurns.systemPrompt(of: row) { messages.insert(ChatTurns.turn("system", system), at: 0) }
            row["messages"] = .list(messages)
            result.append(row)
        }
        return result
    }
}
