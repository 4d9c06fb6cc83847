/// Turns an instruction and a response into a two-turn conversation, as Python distilabel's
/// `ConversationTemplate` does.
///
/// Reads `instruction` and `response`; adds `conversation`:
/// `[{"role": "user", "content": instruction}, {"role": "assistant", "content": response}]`. The values are copied
/// as they are (a null response stays null). Map other columns with input mappings, e.g.
/// `inputMappings: ["response": "generation"]`.
public struct ConversationTemplate: ProcessingStep {
    /// A step with no parameters.
    public init() {}

    public var inputs: [InputColumn] { [InputColumn("instruction"), InputColumn("response")] }

    public var outputs: [String] { ["conversation"] }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        var result: [Row] = []
        for (index, row) in inputs.flatMap({ $0 }).enumerated() {
            var row = row
            let instruction = try ChatTurns.required(row, "instruction", index: index, context: context)
            let response = try ChatTurns.required(row, "response", index: index, context: context)
            row["conversation"] = .list([ChatTurns.turn("user", instruction), ChatTurns.turn("assistant", response)])
            result.append(row)
        }
        return result
    }
}
