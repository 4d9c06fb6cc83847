public import DistilabelCore

/// Continues a conversation: the `messages` column, a list of `{role, content}` structs ending with a `user`
/// message, is sent as is. Outputs `generation` and `model_name`.
public struct ChatGeneration: LLMTask {
    public var llm: any LLM
    public var generationKwargs: Row
    public var numGenerations: Int
    public var groupGenerations: Bool

    public init(
        llm: any LLM, numGenerations: Int = 1, groupGenerations: Bool = false, generationKwargs: Row = Row()
    ) {
        self.llm = llm
        self.numGenerations = numGenerations
        self.groupGenerations = groupGenerations
        self.generationKwargs = generationKwargs
    }

    public var inputs: [InputColumn] { [InputColumn("messages")] }
    public var taskOutputs: [String] { ["generation"] }

    public func formatInput(_ row: Row) throws -> ChatConversation {
        guard let value = row["messages"], !value.isNull else {
            throw TaskError.missingColumn("messages", usage: "the conversation")
        }
        guard let list = value.listValue, !list.isEmpty else {
            throw TaskError.invalidColumn("messages", reason: "expected a non-empty list of {role, content}")
        }
        let messages = try list.enumerated().map { index, element -> ChatMessage in
            guard let message = element.structValue, let role = message["role"]?.stringValue,
                let content = message["content"]?.stringValue
            else {
                throw TaskError.invalidColumn(
                    "messages", reason: "message \(index) is not a {role, content} struct of strings: \(element)")
            }
            guard ["system", "user", "assistant"].contains(role) else {
                throw TaskError.invalidColumn(
                    "messages", reason: "message \(index) has role '\(role)'; expected system, user or assistant")
            }
            return ChatMessage(role: role, content: content)
        }
        guard messages.last?.role == "user" else {
            throw TaskError.invalidColumn("messages", reason: "the last message must be the user's")
        }
        return messages
    }

    public func formatOutput(_ text: String?, input: Row) -> Row {
        ["generation": text.map(Value.string) ?? .null]
    }
}
