import Distilabel
import DistilabelCLI
import DistilabelTesting
import DistilabelYAML
import Foundation
import LLMClients
import Testing

/// A `pipeline.yaml` with every task, written by Python distilabel 1.5.3 in the test, builds the same tasks here
/// and runs against llmock.
@Suite(.serialized, .enabled(if: LLMockServer.shouldRun, LLMockServer.skipMessage))
struct PythonWrittenTasksTests {
    @Test func everyTaskFromPythonsPipelineYAMLRuns() async throws {
        setenv("LLMOCK_TASKS_KEY", "sk-tasks", 1)
        setenv("OPENAI_API_KEY", "sk-python-tasks", 1)
        try await LLMockServer.with { server in
            try await withTemporaryDirectory { root in
                let config = root.appendingPathComponent("pipeline.yaml")
                let script = LLMockServer.packageRoot
                    .appendingPathComponent("Tests/DistilabelTasksTests/Python/write_tasks_pipeline.py")
                let writer = Process()
                writer.executableURL = LLMockServer.python
                writer.arguments = [
                    script.path, server.openAIBaseURL, config.path, root.appendingPathComponent("data.jsonl").path,
                ]
                writer.standardOutput = FileHandle.nullDevice
                writer.standardError = FileHandle.nullDevice
                try writer.run()
                writer.waitUntilExit()
                try #require(writer.terminationStatus == 0, "the Python writer failed")

                let pipeline = try PipelineYAML.read(from: config, registry: DistilabelCLI.standardRegistry)
                let types = pipeline.nodes.map(\.typeName)
                #expect(
                    types == [
                        "LoadDataFromFileSystem", "TextGeneration", "ChatGeneration", "UltraFeedback", "SelfInstruct",
                        "EvolInstruct", "QualityScorer", "ComplexityScorer", "StructuredGeneration", "CombineOutputs",
                    ])
                let evolve = try #require(pipeline.nodes.first { $0.name == "evolve" }?.step as? EvolInstruct)
                #expect(evolve.mutations.map(\.name) == EvolMutation.defaults.map(\.name))
                #expect(evolve.mutations[0].template.contains("<PROMPT>"))
                #expect(evolve.seed == 42)
                let rate = try #require(pipeline.nodes.first { $0.name == "rate" }?.step as? UltraFeedback)
                #expect(rate.aspect == .honesty)

                try await server.addScenario(
                    LLMockTaskTests.replies.map { model, text in
                        ["type": "reply", "text": .string(text), "times": nil, "match": ["model": .string(model)]]
                    })
                let output = try await pipeline.run(options: RunOptions(logger: quietLogger))
                let row = try #require(output.rows.first)
                #expect(row["text_generation"] == "A fixed answer.")
                #expect(row["chat_generation"] == "Hello again!")
                #expect(row["ratings"] == [5, 1])
                #expect(row["queries"]?.listValue?.count == 3)
                #expect(row["evolved_instruction"] == "Explain photosynthesis in three numbered steps.")
                #expect(row["quality_scores"] == [4.0, 2.0])
                #expect(row["complexity_scores"] == [1.0, 3.0])
                let generation = try #require(row["generation"]?.stringValue)
                #expect(try Value(json: generation).structValue?["name"]?.stringValue != nil)
                #expect(try await server.requests().count == 8)
            }
        }
    }
}
