/// Formats generations rated by a preference task (such as ``UltraFeedback``) for direct preference optimization
/// (DPO), as Python distilabel's `FormatTextGenerationDPO` does.
///
/// Reads `instruction`, `generations` (at least two texts), `ratings` (one per generation) and, when present,
/// `system_prompt` and `generation_models`; adds, in this order:
/// - `prompt`: the instruction; `prompt_id`: the SHA-256 hex of its UTF-8 bytes;
/// - `chosen`: the conversation `[system?, user: instruction, assistant: best generation]`, where the best is the
///   first generation with the highest rating; `chosen_model` (only when the row has `generation_models`) and
///   `chosen_rating`;
/// - `rejected`, `rejected_model`, `rejected_rating`: the same for the first generation with the lowest rating.
///
/// The system turn is added when `system_prompt` is a non-empty string. When every rating is equal, chosen and
/// rejected are both the first generation, as in Python. A null rating among several cannot be compared: Python
/// raises `TypeError` and fails the batch, and so does this step; the batch's rows then go on with these columns
/// null (see "When a batch throws" in *Defining steps*).
public struct FormatTextGenerationDPO: ProcessingStep {
    /// A step with no parameters.
    public init() {}

    public var inputs: [InputColumn] {
        [
            InputColumn("system_prompt", required: false), InputColumn("instruction"), InputColumn("generations"),
            InputColumn("generation_models", required: false), InputColumn("ratings"),
        ]
    }

    public var outputs: [String] { PreferencePair.outputs }

    public func columns(after available: [String]) -> [String] { PreferencePair.columns(after: available) }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        var result: [Row] = []
        for (index, row) in inputs.flatMap({ $0 }).enumerated() {
            var row = row
            let instruction = try ChatTurns.required(row, "instruction", index: index, context: context)
            var messages = [ChatTurns.turn("user", instruction)]
            if let system = ChatTurns.systemPrompt(of: row) { messages.insert(ChatTurns.turn("system", system), at: 0) }
            row["prompt"] = instruction
            row["prompt_id"] = .string(
                try ChatTurns.promptID(instruction, source: "instruction", row: index, context: context))
            try PreferencePair.apply(to: &row, messages: messages, index: index, context: context)
            result.append(row)
        }
        return result
    }
}
