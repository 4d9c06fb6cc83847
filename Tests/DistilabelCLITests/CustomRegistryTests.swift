import Distilabel
import DistilabelCLI
import DistilabelTesting
import DistilabelYAML
import Foundation
import Testing

/// A user's own executable registers its step and LLM types and calls the command line's entry point.
struct CustomRegistryTests {
    /// A user's step: upper-cases a column.
    struct Shout: ProcessingStep {
        var column: String
        var typeName: String { "Shout" }
        var inputs: [InputColumn] { [InputColumn(column)] }
        var configuration: Row { ["column": .string(column)] }

        func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
            inputs.flatMap { $0 }.map { row in
                var row = row
                row[column] = .string((row[column]?.stringValue ?? "").uppercased())
                return row
            }
        }
    }

    /// A user's LLM that holds an API key, read from the environment, which must never be written.
    struct KeyedLLM: LLM {
        var modelName: String
        var apiKey: String
        var typeName: String { "KeyedLLM" }

        func generate(
            _ conversations: [ChatConversation], options: GenerationOptions
        ) async throws
            -> [LLMGenerations]
        {
            conversations.map { _ in LLMGenerations(texts: ["answer (key of \(apiKey.count) characters)"]) }
        }
    }

    static func registry(apiKey: String) -> StepRegistry {
        var registry = DistilabelCLI.standardRegistry
        registry.register(step: "Shout") { fields in Shout(column: try fields.requiredString("column")) }
        registry.register(llm: "KeyedLLM") { fields in
            KeyedLLM(
                modelName: try fields.string("model") ?? "keyed",
                apiKey: apiKey)
        }
        return registry
    }

    @Test func theEntryPointRunsAPipelineWithTheUsersTypes() async throws {
        let secret = "sk-keyed-\(UUID().uuidString)"
        try await withTemporaryDirectory { root in
            let yaml = """
                pipeline:
                  name: custom
                  steps:
                  - step: {name: load, data: [{instruction: hello}, {instruction: bye}], type_info: {name: LoadDataFromDicts}}
                  - step:
                      name: generate
                      llm: {model: keyed-1, type_info: {name: KeyedLLM}}
                      type_info: {name: TextGeneration}
                  - step: {name: shout, column: generation, type_info: {name: Shout}}
                  connections:
                  - {from: load, to: [generate]}
                  - {from: generate, to: [shout]}
                """
            let config = root.appendingPathComponent("pipeline.yaml")
            try Foundation.Data(yaml.utf8).write(to: config)
            let cache = root.appendingPathComponent("cache")
            let status = await DistilabelCLI.main(
                arguments: [
                    "pipeline", "run", "--config", config.path, "--cache-dir", cache.path, "--log-level", "error",
                ],
                registry: Self.registry(apiKey: secret))
            #expect(status == 0)
            let pipelineFolder = cache.appendingPathComponent("custom")
            let signature = try #require(try FileManager.default.contentsOfDirectory(atPath: pipelineFolder.path).first)
            let directory = pipelineFolder.appendingPathComponent(signature)
            let rows = try LeafData.rows(executionDirectory: directory, leaf: "shout")
            #expect(rows.map { $0["instruction"] } == ["hello", "bye"])
            #expect(rows.allSatisfy { $0["generation"]?.stringValue?.hasPrefix("ANSWER (KEY OF") == true })
            let written = try String(contentsOf: directory.appendingPathComponent("pipeline.yaml"), encoding: .utf8)
            #expect(written.contains("name: Shout"))
            #expect(written.contains("name: KeyedLLM"))
            for file in EndToEndTests.files(under: cache) {
                let bytes = try Foundation.Data(contentsOf: file)
                #expect(bytes.range(of: Foundation.Data(secret.utf8)) == nil, "secret found in \(file.path)")
            }

            // Without the registration, the same file is an error naming the type.
            let failing = await DistilabelCLI.main(
                arguments: ["pipeline", "info", "--config", config.path], registry: DistilabelCLI.standardRegistry)
            #expect(failing == 1)
        }
    }
}
