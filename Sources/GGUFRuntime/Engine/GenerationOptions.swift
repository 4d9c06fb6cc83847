/// How ``EmbeddedLLM`` generates: sampling, length and stop strings.
public struct GenerationOptions: Sendable, Equatable, Codable {
    /// Softmax temperature; 0 is greedy decoding.
    public var temperature: Float
    /// Nucleus sampling: keep the most likely tokens whose probabilities add up to `topP` (1 keeps all).
    public var topP: Float
    /// Keep only the `topK` most likely tokens (0 keeps all).
    public var topK: Int
    /// Seed of the random stream; the same seed and inputs give the same texts.
    public var seed: UInt64
    /// The most tokens generated per conversation.
    public var maxNewTokens: Int
    /// Texts that end generation; the text returned stops before the first of them.
    public var stop: [String]

    public init(
        temperature: Float = 0.7,
        topP: Float = 0.95,
        topK: Int = 40,
        seed: UInt64 = 0,
        maxNewTokens: Int = 256,
        stop: [String] = []
    ) {
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.seed = seed
        self.maxNewTokens = maxNewTokens
        self.stop = stop
    }

    /// Greedy decoding (temperature 0).
    public static func greedy(maxNewTokens: Int = 256, stop: [String] = []) -> GenerationOptions {
        GenerationOptions(temperature: 0, topP: 1, topK: 0, maxNewTokens: maxNewTokens, stop: stop)
    }

    var samplingParameters: SamplingParameters {
        SamplingParameters(temperature: temperature, topK: topK, topP: topP, seed: seed)
    }
}
