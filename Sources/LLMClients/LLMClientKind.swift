/// Clients for chat-completion servers: OpenAI-compatible, Anthropic and Ollama.
public enum LLMClientKind: String, Sendable, CaseIterable {
    case openAI, anthropic, ollama
}
