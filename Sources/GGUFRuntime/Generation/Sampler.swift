/// Chooses tokens from logits with temperature, top-k and top-p, from a seeded random stream.
public struct Sampler: Sendable {
    /// The parameters this sampler applies.
    public let parameters: SamplingParameters
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A sampler whose random stream depends only on `parameters.seed` and `stream` (e.g. the sequence's index).
    public init(parameters: SamplingParameters, stream: UInt64 = 0) {
        self.parameters = parameters
        var s = parameters.seed &+ stream &* 0x9E37_79B9_7F4A_7C15
        func splitMix(_ s: inout UInt64) -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(&s), splitMix(&s), splitMix(&s), splitMix(&s))
    }

    /// The next 64 random bits (xoshiro256**).
    private mutating func next() -> UInt64 {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3 << 45 | state.3 >> 19
        return result
    }

    /// A uniform float in [0, 1).
    private mutating func unit() -> Float { Float(next() >> 40) / Float(1 << 24) }

    /// The index of the largest logit (the lowest on ties).
    public static func argmax(_ logits: [Float]) -> Int32 {
        var best = 0
        for i in 1..<logits.count where logits[i] > logits[best] { best = i }
        return Int32(best)
    }

    /// Chooses the next token.
    public mutating func sample(_ logits: [Float]) -> Int32 {
        let p = parameters
        if p.temperature <= 0 || p.topK == 1 { return Self.argmax(logits) }
        var candidates = Self.topCandidates(logits, k: p.topK > 0 ? min(p.topK, logits.count) : logits.count)
        // Softmax at the temperature over the candidates, most likely first.
        let maximum = logits[Int(candidates[0])]
        var weights = candidates.map { expf((logits[Int($0)] - maximum) / p.temperature) }
        let total = weights.reduce(0, +)
        if p.topP < 1 {
            var cumulative: Float = 0
            var keep = candidates.count
            for (i, w) in weights.enumerated() {
                cumulative += w / total
                if cumulative >= p.topP {
                    keep = i + 1
                    break
                }
            }
            candidates.removeLast(candidates.count - keep)
            weights.removeLast(weights.count - keep)
        }
        var target = unit() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return candidates[i] }
        }
        return candidates[candidates.count - 1]
    }

    /// The ids of the `k` largest logits, largest first (lower id first on ties).
    public static func topCandidates(_ logits: [Float], k: Int) -> [Int32] {
        if k >= logits.count {
            return logits.indices.sorted { logits[$0] > logits[$1] || (logits[$0] == logits[$1] && $0 < $1) }
                .map { Int32($0) }
        }
        // Keep a sorted list of the best k seen; most logits fall below its last entry and cost one comparison.
        var best: [Int] = []
        best.reserveCapacity(k + 1)
        for i in logits.indices {
            if best.count == k, logits[i] <= logits[best[k - 1]] { continue }
            var position = best.count
            while position > 0, logits[best[position - 1]] < logits[i] { position -= 1 }
            best.insert(i, at: position)
            if best.count > k { best.removeLast() }
        }
        return best.map { Int32($0) }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
