public import DistilabelCore
import Synchronization

/// A deterministic LLM for tests and examples: answers are derived from the conversation, with optional latency
/// and scripted failures, and every request is counted.
public struct MockLLM: LLM {
    /// Counts requests across copies of the same mock (replicas share it).
    public final class Counter: Sendable {
        private let count = Mutex(0)
        public init() {}
        /// Conversations generated so far.
        public var value: Int { count.withLock { $0 } }
        func add(_ amount: Int) { count.withLock { $0 += amount } }
    }

    public var modelName: String
    /// Time spent per batch, to simulate a server.
    public var latency: Duration
    /// Conversations whose last message contains this text throw (a failing batch).
    public var failWhenContains: String?
    /// Conversations whose last message contains this text get a failed generation (null output, error recorded).
    public var failRowWhenContains: String?
    public let requests: Counter
    /// Scripted answers: the text for a conversation and generation index, or `nil` for the default
    /// ``answer(to:generation:)``.
    public var reply: (@Sendable (ChatConversation, Int) -> String?)?
    /// Every conversation generated for, with the options it came with (shared by copies).
    public let log: RequestLog

    /// The conversations a mock was asked to generate for, with their options.
    public final class RequestLog: Sendable {
        private let entries = Mutex<[(ChatConversation, GenerationOptions)]>([])
        public init() {}
        /// The requests so far, in arrival order.
        public var requests: [(conversation: ChatConversation, options: GenerationOptions)] {
            entries.withLock { $0.map { (conversation: $0.0, options: $0.1) } }
        }
        func add(_ conversations: [ChatConversation], options: GenerationOptions) {
            entries.withLock { $0 += conversations.map { ($0, options) } }
        }
    }

    public init(
        modelName: String = "mock-model", latency: Duration = .zero, failWhenContains: String? = nil,
        failRowWhenContains: String? = nil, requests: Counter = Counter(),
        log: RequestLog = RequestLog(), reply: (@Sendable (ChatConversation, Int) -> String?)? = nil
    ) {
        self.modelName = modelName
        self.latency = latency
        self.failWhenContains = failWhenContains
        self.failRowWhenContains = failRowWhenContains
        self.requests = requests
        self.log = log
        self.reply = reply
    }

    public var typeName: String { "MockLLM" }

    /// The answer the mock gives to `conversation` for generation `index`.
    public static func answer(to conversation: ChatConversation, generation index: Int = 0) -> String {
        let prompt = conversation.last?.content ?? ""
        return "Response \(index) to: \(prompt)"
    }

    public func generate(
        _ conversations: [ChatConversation], options: GenerationOptions
    ) async throws -> [LLMGenerations] {
        requests.add(conversations.count)
        log.add(conversations, options: options)
        if latency > .zero { try await Task.sleep(for: latency) }
        if let failWhenContains, conversations.contains(where: { $0.last?.content.contains(failWhenContains) ?? false })
        {
            throw MockLLMError(message: "scripted failure for '\(failWhenContains)'")
        }
        return conversations.map { conversation in
            let prompt = conversation.last?.content ?? ""
            if let failRowWhenContains, prompt.contains(failRowWhenContains) {
                return LLMGenerations(
                    texts: Array(repeating: nil, count: options.numGenerations), error: "scripted row failure")
            }
            let texts = (0..<options.numGenerations).map {
                reply?(conversation, $0) ?? Self.answer(to: conversation, generation: $0)
            }
            let inputTokens = conversation.reduce(0) { $0 + $1.content.split(separator: " ").count }
            return LLMGenerations(
                texts: texts,
                statistics: TokenStatistics(
                    inputTokens: Array(repeating: inputTokens, count: texts.count),
                    outputTokens: texts.map { $0.split(separator: " ").count }))
        }
    }
}

/// The error ``MockLLM`` throws for scripted failures.
public struct MockLLMError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
