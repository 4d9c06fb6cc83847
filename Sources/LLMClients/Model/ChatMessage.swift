/// One message of a chat conversation, as sent to a chat-completion server.
public struct ChatMessage: Sendable, Hashable, Codable {
    /// Who speaks: `system`, `user` or `assistant` (servers may accept other roles).
    public var role: String
    /// What the message says.
    public var content: String

    /// Creates a message.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    /// A `system` message.
    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
    /// A `user` message.
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
    /// An `assistant` message.
    public static func assistant(_ content: String) -> ChatMessage {
        ChatMessage(role: "assistant", content: content)
    }
}
