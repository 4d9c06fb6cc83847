import Distilabel
import DistilabelTesting
import Testing

struct EvolInstructTests {
    /// A mock that rewrites `X` as `Rewritten prompt: X+` and answers anything else with `Answer: …`.
    static func evolvingLLM(log: MockLLM.RequestLog) -> MockLLM {
        MockLLM(
            log: log,
            reply: { conversation, _ in
                let prompt = conversation.last?.content ?? ""
                guard let start = prompt.range(of: "prompt:\n"), let end = prompt.range(of: "\n\nReply with") else {
                    return "Answer: \(prompt)"
                }
                return "Rewritten prompt: \(prompt[start.upperBound..<end.lowerBound])+"
            })
    }

    @Test func eachRoundRewritesTheLatestVersion() async throws {
        let log = MockLLM.RequestLog()
        let task = EvolInstruct(llm: Self.evolvingLLM(log: log), numEvolutions: 3, storeEvolutions: true)
        let rows = try await run(task, [["instruction": "Sum 1 and 2"]])
        #expect(rows[0]["evolved_instructions"] == ["Sum 1 and 2+", "Sum 1 and 2++", "Sum 1 and 2+++"])
        #expect(rows[0]["model_name"] == "mock-model")
        #expect(log.requests.count == 3)
        let expected = (0..<3).map { round in
            task.mutation(round: round, instruction: "Sum 1 and 2")
                .prompt(for: "Sum 1 and 2" + String(repeating: "+", count: round))
        }
        #expect(log.requests.map { $0.conversation.last?.content } == expected)
        #expect(
            rows[0].metadata("raw_output")
                == [
                    "Rewritten prompt: Sum 1 and 2+", "Rewritten prompt: Sum 1 and 2++",
                    "Rewritten prompt: Sum 1 and 2+++",
                ])
    }

    @Test func answersForTheLastOrEveryVersion() async throws {
        let last = try await run(
            EvolInstruct(llm: Self.evolvingLLM(log: .init()), numEvolutions: 2, generateAnswers: true),
            [["instruction": "Q"]])
        #expect(last[0]["evolved_instruction"] == "Q++")
        #expect(last[0]["answer"] == "Answer: Q++")
        let every = try await run(
            EvolInstruct(
                llm: Self.evolvingLLM(log: .init()), numEvolutions: 2, storeEvolutions: true, generateAnswers: true,
                includeOriginalInstruction: true),
            [["instruction": "Q"]])
        #expect(every[0]["evolved_instructions"] == ["Q", "Q+", "Q++"])
        #expect(every[0]["answers"] == ["Answer: Q", "Answer: Q+", "Answer: Q++"])
    }

    @Test func theMutationsDependOnlyOnSeedRoundAndInstruction() {
        let task = EvolInstruct(llm: MockLLM(), numEvolutions: 1, seed: 42)
        let names = (0..<40).map { task.mutation(round: $0 % 4, instruction: "instruction \($0)").name }
        #expect(names == (0..<40).map { task.mutation(round: $0 % 4, instruction: "instruction \($0)").name })
        #expect(Set(names) == Set(EvolMutation.defaults.map(\.name)))
        var other = task
        other.seed = 43
        #expect((0..<40).map { other.mutation(round: $0 % 4, instruction: "instruction \($0)").name } != names)
    }

    @Test func theRequestsDoNotDependOnBatching() async throws {
        func prompts(batchSize: Int) async throws -> [String] {
            let log = MockLLM.RequestLog()
            let rows: [Row] = (0..<6).map { ["instruction": .string("Task \($0)")] }
            let pipeline = try Pipeline(name: "evol-batching") { p in
                let load = p.add(LoadDataFromDicts(rows: rows), name: "load", batchSize: batchSize)
                let evolve = p.add(
                    EvolInstruct(llm: Self.evolvingLLM(log: log), numEvolutions: 3), name: "evolve",
                    inputBatchSize: batchSize)
                load >>> evolve
            }
            let output = try await pipeline.run(options: RunOptions(logger: quietLogger))
            #expect(
                output.rows.map { $0["evolved_instruction"] }
                    == rows.map { .string(($0["instruction"]?.stringValue ?? "") + "+++") })
            return log.requests.compactMap { $0.conversation.last?.content }.sorted()
        }
        let one = try await prompts(batchSize: 1)
        #expect(one.count == 18)
        #expect(try await prompts(batchSize: 4) == one)
    }

    @Test func theSeedIsARuntimeParameter() throws {
        var task = EvolInstruct(llm: MockLLM(), numEvolutions: 1)
        #expect(task.runtimeParameters.map(\.name) == ["seed", "llm"])
        try task.applyRuntimeParameters(["seed": 5, "llm": ["generation_kwargs": ["temperature": 0.3]]])
        #expect(task.seed == 5)
        #expect(task.generationKwargs == ["temperature": 0.3])
    }

    @Test func aReplyWithoutAnInstructionStopsThatRow() async throws {
        let llm = MockLLM(reply: { conversation, _ in
            (conversation.last?.content ?? "").contains("bad") ? "Rewritten prompt:   " : "Rewritten prompt: better"
        })
        let rows = try await run(
            EvolInstruct(llm: llm, numEvolutions: 2), [["instruction": "good"], ["instruction": "bad"]])
        #expect(rows[0]["evolved_instruction"] == "better")
        #expect(rows[1]["evolved_instruction"] == .null)
        #expect(rows[1].metadata("raw_output") == ["Rewritten prompt:   "])
        #expect(rows[1].metadata("error") == "evolution round 1: the reply holds no instruction")
    }
}
