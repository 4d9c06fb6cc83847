/// Formats generations for a conversation, rated by a preference task, for direct preference optimization (DPO),
/// as Python distilabel's `FormatChatGenerationDPO` does.
///
/// Reads `messages` (the conversation so far), `generations`, `ratings` and, when present, `generation_models`;
/// adds `prompt` (the content of the first `user` turn), `prompt_id` (its SHA-256 hex), then `chosen`,
/// `chosen_model` (only with `generation_models`), `chosen_rating`, `rejected`, `rejected_model` and
/// `rejected_rating`, where `chosen` is `messages` followed by the first generation with the highest rating as an
/// assistant turn and `rejected` the same with the first generation with the lowest rating. Ties and null ratings
/// behave as in ``FormatTextGenerationDPO``; `messages` itself is left as it is.
public struct FormatChatGenerationDPO: ProcessingStep {
    /// A step with no parameters.
    public init() {}

    public var inputs: [InputColumn] {
        [
            InputColumn("messages"), InputColumn("generations"), InputColumn("ratings"),
            InputColumn("generation_models", required: false),
        ]
    }

    public var outputs: [String] { PreferencePair.outputs }

    public func columns(after available: [String]) -> [String] { PreferencePair.columns(after: available) }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        var result: [Row] = []
        for (index, row) in inputs.flatMap({ $0 }).enumerated() {
            var row = row
            let messages = try ChatTurns.applyChatPrompt(to: &row, index: index, context: context)
            try PreferencePair.apply(to: &row, messages: messages, index: index, context: context)
            result.append(row)
        }
        return result
    }
}
