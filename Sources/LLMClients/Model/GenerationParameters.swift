/// How a server should generate: sampling, limits, number of generations and structured output.
///
/// Every field left `nil` is omitted from the request, so the server's own default applies.
public struct GenerationParameters: Sendable, Hashable, Codable {
    /// Sampling temperature.
    public var temperature: Double?
    /// Nucleus sampling probability mass.
    public var topP: Double?
    /// The most tokens to generate (`max_tokens`, `num_predict`).
    public var maxNewTokens: Int?
    /// Sequences that end a generation.
    public var stop: [String]?
    /// A seed for servers that support reproducible sampling.
    public var seed: Int?
    /// Frequency penalty (OpenAI semantics).
    public var frequencyPenalty: Double?
    /// Presence penalty (OpenAI semantics).
    public var presencePenalty: Double?
    /// How many generations to make for the request (`n`); at least 1.
    public var numGenerations: Int
    /// Structured output: a JSON schema the replies must satisfy.
    public var responseFormat: ResponseFormat?

    /// Creates generation parameters; all of them are optional.
    public init(
        temperature: Double? = nil,
        topP: Double? = nil,
        maxNewTokens: Int? = nil,
        stop: [String]? = nil,
        seed: Int? = nil,
        frequencyPenalty: Double? = nil,
        presencePenalty: Double? = nil,
        numGenerations: Int = 1,
        responseFormat: ResponseFormat? = nil
    ) {
        self.temperature = temperature
        self.topP = topP
        self.maxNewTokens = maxNewTokens
        self.stop = stop
        self.seed = seed
        self.frequencyPenalty = frequencyPenalty
        self.presencePenalty = presencePenalty
        self.numGenerations = max(1, numGenerations)
        self.responseFormat = responseFormat
    }
}
