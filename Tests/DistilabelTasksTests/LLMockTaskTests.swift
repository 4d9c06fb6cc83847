import Distilabel
import DistilabelTesting
import Foundation
import LLMClients
import Logging
import Testing

/// Every task in a real pipeline with `OpenAILLM` against llmock: scripted replies per model (so the answers are
/// parseable) and, for `StructuredGeneration`, llmock's own answers to the `json_schema` sent on the wire.
@Suite(.serialized, .enabled(if: LLMockServer.shouldRun, LLMockServer.skipMessage))
struct LLMockTaskTests {
    static let replies: [(model: String, text: String)] = [
        ("text-model", "A fixed answer."),
        ("chat-model", "Hello again!"),
        (
            "rating-model",
            "#### Text 1\nRating: 5\nRationale: Correct and complete.\n\n#### Text 2\nRating: 1\nRationale: Wrong."
        ),
        ("self-instruct-model", "1. What is a sourdough starter?\n2. How long should bread proof?\n\nExplain gluten."),
        ("evol-model", "Rewritten prompt:\nExplain photosynthesis in three numbered steps."),
        ("quality-model", "[1] Score: 4\n[2] Score: 2"),
        ("complexity-model", "[1] Score: 1\n[2] Score: 3"),
    ]

    static let schema: Value = [
        "title": "Character", "type": "object",
        "properties": ["name": ["type": "string"], "level": ["type": "integer"]],
        "required": ["name", "level"], "additionalProperties": false,
    ]

    func llm(_ server: LLMockServer, _ model: String) -> OpenAILLM {
        OpenAILLM(model: model, baseURL: server.openAIBaseURL, apiKeyEnvironmentVariable: "LLMOCK_TASKS_KEY")
    }

    func pipeline(_ server: LLMockServer) throws -> Pipeline {
        try Pipeline(name: "llmock-tasks") { p in
            let rows: [Row] = [
                [
                    "instruction": "What is photosynthesis?", "topic": "plants",
                    "generations": ["Plants turn light into sugar.", "A car."],
                    "messages": [["role": "user", "content": "Hi"]], "input": "Baking bread at home",
                    "instructions": ["Add 2 and 2.", "Prove Fermat's last theorem."],
                    "structured_output": .struct(["format": "json", "schema": Self.schema]),
                ]
            ]
            let load = p.add(LoadDataFromDicts(rows: rows), name: "load")
            let steps = [
                p.add(
                    TextGeneration(llm: llm(server, "text-model"), template: "Tell me about {{ topic }}."),
                    name: "text", outputMappings: ["generation": "text_generation"]),
                p.add(
                    ChatGeneration(llm: llm(server, "chat-model")), name: "chat",
                    outputMappings: ["generation": "chat_generation"]),
                p.add(UltraFeedback(llm: llm(server, "rating-model")), name: "rate"),
                p.add(
                    SelfInstruct(llm: llm(server, "self-instruct-model")), name: "self_instruct",
                    outputMappings: ["instructions": "queries"]),
                p.add(EvolInstruct(llm: llm(server, "evol-model"), numEvolutions: 2), name: "evolve"),
                p.add(
                    QualityScorer(llm: llm(server, "quality-model")), name: "quality",
                    inputMappings: ["responses": "generations"], outputMappings: ["scores": "quality_scores"]),
                p.add(
                    ComplexityScorer(llm: llm(server, "complexity-model")), name: "complexity",
                    outputMappings: ["scores": "complexity_scores"]),
                p.add(StructuredGeneration(llm: llm(server, "structured-model")), name: "structured"),
            ]
            let combine = p.add(CombineOutputs(), name: "combine")
            load >>> steps
            steps >>> combine
        }
    }

    @Test func everyTaskRunsAgainstTheServer() async throws {
        setenv("LLMOCK_TASKS_KEY", "sk-tasks", 1)
        try await LLMockServer.with { server in
            try await server.addScenario(
                Self.replies.map { model, text in
                    ["type": "reply", "text": .string(text), "times": nil, "match": ["model": .string(model)]]
                })
            let output = try await pipeline(server).run(options: RunOptions(logger: quietLogger))
            let row = try #require(output.rows.first)
            #expect(output.rows.count == 1)
            #expect(row["text_generation"] == "A fixed answer.")
            #expect(row["chat_generation"] == "Hello again!")
            #expect(row["ratings"] == [5, 1])
            #expect(row["rationales"] == ["Correct and complete.", "Wrong."])
            #expect(
                row["queries"] == [
                    "What is a sourdough starter?", "How long should bread proof?", "Explain gluten.",
                ])
            #expect(row["evolved_instruction"] == "Explain photosynthesis in three numbered steps.")
            #expect(row["quality_scores"] == [4.0, 2.0])
            #expect(row["complexity_scores"] == [1.0, 3.0])

            // llmock answered the json_schema it received with a conforming object.
            let generation = try #require(row["generation"]?.stringValue)
            let object = try #require(try Value(json: generation).structValue)
            #expect(object["name"]?.stringValue != nil)
            #expect(object["level"]?.intValue != nil)

            let requests = try await server.requests()
            // One request per task, two for the two evolution rounds.
            #expect(requests.count == 9)
            let structured = try #require(requests.first { $0["model"]?.stringValue == "structured-model" })
            let format = structured["body"]?["response_format"]
            #expect(format?["type"]?.stringValue == "json_schema")
            #expect(format?["json_schema"]?["name"]?.stringValue == "Character")
            #expect(format?["json_schema"]?["schema"]?["required"] == ["name", "level"])
            let text = try #require(requests.first { $0["model"]?.stringValue == "text-model" })
            #expect(text["body"]?["messages"]?.arrayValue?.first?["content"]?.stringValue == "Tell me about plants.")
        }
    }
}
