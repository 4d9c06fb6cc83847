/// One message of a chat conversation.
public struct ChatMessage: Sendable, Hashable, Codable {
    /// `system`, `user` or `assistant`.
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    /// A `system` message.
    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
    /// A `user` message.
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
    /// An `assistant` message.
    public static func assistant(_ content: String) -> ChatMessage { ChatMessage(role: "assistant", content: content) }
}

/// A conversation: the messages, in order.
public typealias ChatConversation = [ChatMessage]

/// How to generate: distilabel's `generation_kwargs` plus the number of generations.
public struct GenerationOptions: Sendable, Hashable {
    public var numGenerations: Int
    public var temperature: Double?
    public var topP: Double?
    public var topK: Int?
    public var maxNewTokens: Int?
    public var stop: [String]
    public var seed: Int?
    /// Other parameters, passed to the LLM as given.
    public var extra: Row
    /// Structured output: a JSON schema the generated text must follow (OpenAI-compatible servers receive it as
    /// `response_format`), or `nil` for free text.
    public var structuredOutput: Value?

    public init(
        numGenerations: Int = 1, temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil,
        maxNewTokens: Int? = nil, stop: [String] = [], seed: Int? = nil, extra: Row = Row(),
        structuredOutput: Value? = nil
    ) {
        self.numGenerations = numGenerations
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.maxNewTokens = maxNewTokens
        self.stop = stop
        self.seed = seed
        self.extra = extra
        self.structuredOutput = structuredOutput
    }

    /// Options from a `generation_kwargs` struct (`temperature`, `top_p`, `top_k`, `max_new_tokens`, `stop`, `seed`;
    /// anything else goes to ``extra``).
    public init(kwargs: Row, numGenerations: Int) {
        self.init(numGenerations: numGenerations)
        for (key, value) in kwargs.pairs {
            switch key {
            case "temperature": temperature = value.doubleValue
            case "top_p": topP = value.doubleValue
            case "top_k": topK = value.intValue.map(Int.init)
            case "max_new_tokens", "max_tokens": maxNewTokens = value.intValue.map(Int.init)
            case "stop", "stop_sequences":
                stop = value.listValue?.compactMap(\.stringValue) ?? value.stringValue.map { [$0] } ?? []
            case "seed": seed = value.intValue.map(Int.init)
            default: extra[key] = value
            }
        }
    }
}

/// Token counts of one conversation's generations.
public struct TokenStatistics: Sendable, Hashable {
    public var inputTokens: [Int]
    public var outputTokens: [Int]

    public init(inputTokens: [Int] = [], outputTokens: [Int] = []) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}

/// What an LLM returned for one conversation: one text per generation (`nil` for a failed one).
public struct LLMGenerations: Sendable, Hashable {
    public var texts: [String?]
    public var statistics: TokenStatistics
    /// Why generations failed, when some did (after the client's retries).
    public var error: String?

    public init(texts: [String?], statistics: TokenStatistics = TokenStatistics(), error: String? = nil) {
        self.texts = texts
        self.statistics = statistics
        self.error = error
    }
}

/// A language model: generates texts for a batch of chat conversations.
///
/// Implementations are values (copied per replica), `Sendable`, and honour task cancellation. Errors for single
/// conversations belong in ``LLMGenerations/error``; throwing fails the whole batch.
public protocol LLM: Sendable {
    /// The type's name in `pipeline.yaml` (default: the Swift type's name).
    var typeName: String { get }
    /// The model's name, written to the `model_name` column.
    var modelName: String { get }
    /// What determines the outputs (model, base URL, …), for the signature and `pipeline.yaml`. Never secrets.
    var configuration: Row { get }
    /// Runtime parameters of the LLM itself (generation parameters are the task's `generation_kwargs`).
    var runtimeParameters: [RuntimeParameterInfo] { get }
    mutating func applyRuntimeParameters(_ values: Row) throws
    /// Prepares the model or client before the first batch (once per replica).
    mutating func load(context: StepContext) async throws
    /// Releases what ``load(context:)`` prepared and saves what is pending.
    func unload() async
    /// Generates `options.numGenerations` texts per conversation.
    func generate(_ conversations: [ChatConversation], options: GenerationOptions) async throws -> [LLMGenerations]
}

extension LLM {
    public var typeName: String { String(describing: Self.self) }
    public var configuration: Row { ["model": .string(modelName)] }
    public var runtimeParameters: [RuntimeParameterInfo] { [] }
    public mutating func applyRuntimeParameters(_ values: Row) throws {}
    public mutating func load(context: StepContext) async throws {}
    public func unload() async {}
}
