import Foundation
import GGUFRuntime
import Testing

struct SamplerTests {
    static let logits: [Float] = [0.5, 3, -1, 2.5, 3, 0, 1.5, -2]

    @Test func greedyPicksTheLargestLogitAndTheLowestIDOnTies() {
        var sampler = Sampler(parameters: .greedy)
        #expect(sampler.sample(Self.logits) == 1)
        #expect(Sampler.argmax(Self.logits) == 1)
    }

    @Test func topCandidatesAreSortedWithTiesByID() {
        #expect(Sampler.topCandidates(Self.logits, k: 4) == [1, 4, 3, 6])
        #expect(Sampler.topCandidates(Self.logits, k: 8) == [1, 4, 3, 6, 0, 5, 2, 7])
    }

    @Test func sameSeedSameStreamGivesTheSameTokens() {
        let parameters = SamplingParameters(temperature: 1, topK: 0, topP: 1, seed: 42)
        var a = Sampler(parameters: parameters, stream: 3)
        var b = Sampler(parameters: parameters, stream: 3)
        let first = (0..<50).map { _ in a.sample(Self.logits) }
        #expect(first == (0..<50).map { _ in b.sample(Self.logits) })
        var c = Sampler(parameters: parameters, stream: 4)
        #expect(first != (0..<50).map { _ in c.sample(Self.logits) })
        // At temperature 1 with no cut-off, more than the top token is drawn.
        #expect(Set(first).count > 2)
    }

    @Test(arguments: [1, 2, 3])
    func topKKeepsOnlyTheKMostLikely(k: Int) {
        var sampler = Sampler(parameters: SamplingParameters(temperature: 5, topK: k, topP: 1, seed: 7))
        let allowed = Set(Sampler.topCandidates(Self.logits, k: k))
        let drawn = Set((0..<200).map { _ in sampler.sample(Self.logits) })
        #expect(drawn.isSubset(of: allowed))
        #expect(drawn.count == k)
    }

    @Test func topPKeepsTheSmallestSetReachingP() {
        // Probabilities at temperature 1: 0.6, 0.3, 0.1 (in log space).
        let logits: [Float] = [0.6, 0.3, 0.1].map { Float(log(Double($0))) }
        var sampler = Sampler(parameters: SamplingParameters(temperature: 1, topK: 0, topP: 0.85, seed: 1))
        let drawn = Set((0..<300).map { _ in sampler.sample(logits) })
        #expect(drawn == [0, 1])
    }
}
