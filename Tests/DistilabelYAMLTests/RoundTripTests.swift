import Distilabel
import DistilabelTesting
import DistilabelYAML
import Foundation
import Testing

/// Pipelines written to `pipeline.yaml` and read back are the same pipeline: same steps, options and signature.
struct RoundTripTests {
    static var registry: StepRegistry {
        var registry = StepRegistry.builtIn
        registry.register(llm: "MockLLM") { fields in MockLLM(modelName: try fields.string("model") ?? "mock-model") }
        return registry
    }

    static func pipelines() throws -> [Pipeline] {
        let rows: [Row] = [
            ["instruction": "Say hi", "id": 1, "tags": ["a", "b"], "nested": ["x": 1.5, "y": nil]],
            ["instruction": "null", "id": 2, "tags": [], "nested": ["x": -2.0, "y": "true"]],
            ["instruction": "0.5", "id": 3, "tags": ["1e-05"], "nested": ["x": 1e-05, "y": "yes"]],
        ]
        let linear = try Pipeline(name: "linear", description: "Loads, keeps, generates") { p in
            let load = p.add(LoadDataFromDicts(rows: rows), name: "load", batchSize: 1)
            let keep = p.add(KeepColumns(["instruction", "id"]), name: "keep", inputBatchSize: 7)
            let generate = p.add(
                TextGeneration(
                    llm: MockLLM(modelName: "m1"), systemPrompt: "Be brief.\nReally.", numGenerations: 2,
                    generationKwargs: ["temperature": 0.7, "max_new_tokens": 64]),
                name: "generate", replicas: 2)
            load >>> keep >>> generate
        }
        let branching = try Pipeline(name: "branching") { p in
            let load = p.add(LoadDataFromDicts(rows: rows), name: "load")
            let a = p.add(
                TextGeneration(llm: MockLLM(modelName: "a"), template: "Q: {{ instruction }} ({{ id }})"), name: "a",
                outputMappings: ["generation": "ga"])
            let b = p.add(TextGeneration(llm: MockLLM(modelName: "b")), name: "b", outputMappings: ["generation": "gb"])
            let combine = p.add(CombineOutputs(), name: "combine")
            let merge = p.add(MergeColumns(["ga", "gb"], outputColumn: "both"), name: "merge")
            let expand = p.add(ExpandColumns(mapping: [("both", "one")]), name: "expand")
            load >>> [a, b]
            [a, b] >>> combine
            combine >>> merge >>> expand
        }
        let routed = try Pipeline(name: "routed") { p in
            let load = p.add(LoadDataFromDicts(rows: rows), name: "load")
            let a = p.add(KeepColumns(["id"]), name: "a", inputMappings: ["id": "id"])
            let b = p.add(KeepColumns(["id"]), name: "b")
            let group = p.add(GroupColumns(["id"], outputColumns: ["ids"]), name: "group")
            load >>> .sampleNSteps(1, seed: 7) >>> [a, b]
            [a, b] >>> group
        }
        return [linear, branching, routed]
    }

    @Test(arguments: 0..<3) func writeThenReadGivesTheSameSignature(index: Int) async throws {
        let pipeline = try Self.pipelines()[index]
        let text = try PipelineYAML.string(for: pipeline, registry: Self.registry)
        let read = try PipelineYAML.pipeline(fromYAML: text, registry: Self.registry)
        let before = try await PipelineSignature.compute(for: pipeline)
        let after = try await PipelineSignature.compute(for: read)
        #expect(after == before)
        #expect(read.name == pipeline.name)
        #expect(read.description == pipeline.description)
        #expect(read.nodes.map(\.name) == pipeline.nodes.map(\.name))
        #expect(read.nodes.map(\.options) == pipeline.nodes.map(\.options))
        #expect(read.connections == pipeline.connections)
        #expect(read.routing.keys.sorted() == pipeline.routing.keys.sorted())
        // Written twice, the text is the same: the file is deterministic.
        #expect(try PipelineYAML.string(for: read, registry: Self.registry) == text)
    }

    @Test func theRebuiltPipelineProducesTheSameRows() async throws {
        let pipeline = try Self.pipelines()[1]
        let read = try PipelineYAML.pipeline(
            fromYAML: try PipelineYAML.string(for: pipeline, registry: Self.registry), registry: Self.registry)
        let original = try await pipeline.run()
        let rebuilt = try await read.run()
        #expect(rebuilt.rows.count == 6)
        #expect(rebuilt.rows == original.rows)
    }

    @Test func theFileFollowsDistilabelsSchema() throws {
        let text = try PipelineYAML.string(for: try Self.pipelines()[0], registry: Self.registry)
        for expected in [
            "distilabel:\n  version: 1.5.3", "pipeline:\n  name: linear", "  - step:\n      name: load",
            "      type_info:\n        module: distilabel.steps.generators.data\n        name: LoadDataFromDicts",
            "      input_batch_size: 7", "  connections:\n  - from: load\n    to:\n    - keep",
            "        generation_kwargs:\n          temperature: 0.7", "      runtime_parameters_info:",
            "  routing_batch_functions: []", "requirements: []", #"instruction: "null""#,
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
    }

    @Test func writeReplacesTheFileAndLeavesNoTemporaryFile() async throws {
        try await withTemporaryDirectory { root in
            let url = root.appendingPathComponent("exec/pipeline.yaml")
            let pipelines = try Self.pipelines()
            try PipelineYAML.write(pipelines[0], to: url, registry: Self.registry)
            try PipelineYAML.write(pipelines[2], to: url, registry: Self.registry)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == [
                    "pipeline.yaml"
                ])
            let read = try PipelineYAML.read(from: url, registry: Self.registry)
            #expect(read.name == "routed")
        }
    }
}
