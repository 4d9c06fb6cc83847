/// Formats the output of ``ChatGeneration``-like steps for supervised fine-tuning (SFT), as Python distilabel's
/// `FormatChatGenerationSFT` does.
///
/// Reads `messages` (a conversation: a list of `{"role", "content"}` turns) and `generation`; adds:
/// - `prompt`: the content of the first `user` turn (null when there is none);
/// - `prompt_id`: the SHA-256 hex of the prompt's UTF-8 bytes;
/// - and replaces `messages`, in its place, by the conversation followed by
///   `{"role": "assistant", "content": generation}`.
///
/// A row without a user turn, or whose first user turn's content is not a string, fails its batch (Python
/// raises as well when hashing the prompt), which then goes on with these columns null.
public struct FormatChatGenerationSFT: ProcessingStep {
    /// A step with no parameters.
    public init() {}

    public var inputs: [InputColumn] { [InputColumn("messages"), InputColumn("generation")] }

    public var outputs: [String] { ["prompt", "prompt_id", "messages"] }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        var result: [Row] = []
        for (index, row) in inputs.flatMap({ $0 }).enumerated() {
            var row = row
            let messages = try ChatTurns.applyChatPrompt(to: &row, index: index, context: context)
            let generation = try ChatTurns.required(row, "generation", index: index, context: context)
            row["messages"] = .list(messages + [ChatTurns.turn("assistant", generation)])
            result.append(row)
        }
        return result
    }
}
