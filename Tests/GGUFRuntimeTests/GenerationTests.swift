import GGUFRuntime
import Testing

/// Batched generation, stopping and callbacks on the real model (short runs; see `LogitsTests` for accuracy).
///
/// Release builds only: unoptimised SIMD code makes each forward pass take minutes in a debug build. Run
/// `swift test -c release --package-path Checks/GGUFRuntimeRelease` (CI does).
@Suite(.enabled(if: TestModel.available && LogitsTests.optimized), .serialized)
struct GenerationTests {
    static let prompts: [[Int32]] = [
        // "The capital of France is", "Once upon a time", and a short ChatML turn.
        Array(LogitsTests.prompts.first { $0.name == "raw_capital_france" }?.ids ?? [504]),
        Array(LogitsTests.prompts.first { $0.name == "raw_once_upon" }?.ids ?? [504]),
        [1, 4093, 198, 19556, 2, 198, 1, 520, 9531, 198],
    ]
    #if DEBUG
        static let steps = 2
    #else
        static let steps = 8
    #endif

    @Test func batchedGreedyGenerationEqualsOneSequenceAtATime() throws {
        let model = try LogitsTests.loadModel()
        let batched = try model.generate(
            prompts: Self.prompts, parameters: .greedy, stopTokens: [], maxNewTokens: Self.steps)
        #expect(batched.count == 3)
        for (i, prompt) in Self.prompts.enumerated() {
            let single = try model.generate(
                prompts: [prompt], parameters: .greedy, stopTokens: [], maxNewTokens: Self.steps)
            #expect(batched[i].tokens == single[0].tokens, "prompt \(i)")
            #expect(batched[i].tokens.count == Self.steps)
            #expect(batched[i].finishReason == .maxTokens)
            #expect(batched[i].promptTokenCount == prompt.count)
        }
    }

    @Test func callbackSeesEveryTokenAndCanStopOneSequence() throws {
        let model = try LogitsTests.loadModel()
        var seen: [Int: [Int32]] = [:]
        let outputs = try model.generate(
            prompts: Array(Self.prompts.prefix(2)), parameters: SamplingParameters(temperature: 0.8, seed: 9),
            stopTokens: [], maxNewTokens: Self.steps + 1
        ) { sequence, token in
            seen[sequence, default: []].append(token)
            return !(sequence == 1 && seen[1]!.count == 1)
        }
        #expect(outputs[0].tokens == seen[0])
        #expect(outputs[0].tokens.count == Self.steps + 1)
        #expect(outputs[1].tokens == seen[1])
        #expect(outputs[1].tokens.count == 1)
        #expect(outputs[1].finishReason == .stoppedByCallback)
    }

    @Test func stopTokenEndsTheSequenceAndIsNotReturned() throws {
        let model = try LogitsTests.loadModel()
        let first = try model.generate(prompts: [Self.prompts[0]], parameters: .greedy, stopTokens: [], maxNewTokens: 2)
        let stop = first[0].tokens[1]
        let stopped = try model.generate(
            prompts: [Self.prompts[0]], parameters: .greedy, stopTokens: [stop], maxNewTokens: 5)
        #expect(stopped[0].tokens == [first[0].tokens[0]])
        #expect(stopped[0].finishReason == .stopToken(stop))
    }

    @Test func emptyPromptIsAnError() throws {
        let model = try LogitsTests.loadModel()
        #expect(throws: GGUFError.emptyInput(sequence: 1)) {
            try model.generate(prompts: [[504], []], maxNewTokens: 1)
        }
    }

    @Test func outOfRangeTokenIsAnError() throws {
        let model = try LogitsTests.loadModel()
        let context = LlamaContext(model: model, sequenceCount: 1)
        #expect(throws: GGUFError.tokenOutOfRange(token: 60000, vocabularySize: 49152)) {
            try context.evaluate([(sequence: 0, tokens: [60000])])
        }
    }
}
