/// How the next token is chosen from the logits.
public struct SamplingParameters: Sendable, Equatable {
    /// Softmax temperature; 0 means greedy (always the most likely token, lowest id on ties).
    public var temperature: Float
    /// Keep only the `topK` most likely tokens (0 keeps all).
    public var topK: Int
    /// Keep the smallest set of most likely tokens whose probabilities add up to at least `topP` (1 keeps all).
    public var topP: Float
    /// Seed of the random generator; each sequence of a batch derives its own stream from it and its index.
    public var seed: UInt64

    public init(temperature: Float = 0.7, topK: Int = 40, topP: Float = 0.95, seed: UInt64 = 0) {
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
        self.seed = seed
    }

    /// Greedy decoding.
    public static let greedy = SamplingParameters(temperature: 0, topK: 0, topP: 1)
}
