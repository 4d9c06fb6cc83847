import Distilabel
import DistilabelTesting
import DistilabelYAML
import Foundation
import Testing

/// Short hand-written files work; mistakes get one error that names the step, the field and the line.
struct ReadingErrorTests {
    static func read(_ text: String) throws -> Pipeline {
        try PipelineYAML.pipeline(fromYAML: text, file: "p.yaml")
    }

    @Test func onlyNameAndTypeInfoAreRequired() throws {
        let pipeline = try Self.read(
            """
            pipeline:
              name: short
              steps:
              - step: {name: load, type_info: {name: LoadDataFromDicts}, data: [{a: 1}]}
              - step: {name: merge, columns: [a], type_info: {name: MergeColumns}}
              connections:
              - {from: load, to: [merge]}
            """)
        let merge = try #require(pipeline.node("merge"))
        #expect(merge.options == StepOptions())
        #expect(merge.step.configuration == ["columns": ["a"], "output_column": "merged_column"])
        #expect(pipeline.successors(of: "load") == ["merge"])
    }

    @Test(arguments: [
        (
            "pipeline:\n  name: x\n  steps:\n  - step:\n      name: keep\n      columns: [a]\n      colums: [b]\n"
                + "      type_info: {name: KeepColumns}\n",
            PipelineYAMLError.unknownField(
                file: "p.yaml", step: "keep", field: "colums", line: 7,
                valid: ["columns", "disable_cuda_device_placement", "input_batch_size"])
        ),
        (
            "pipeline:\n  name: x\n  steps:\n  - step:\n      name: keep\n      type_info: {name: KeepColumns}\n",
            PipelineYAMLError.missingField(file: "p.yaml", step: "keep", field: "columns", line: 5)
        ),
        (
            "pipeline:\n  name: x\n  steps:\n  - step:\n      name: keep\n      columns: 3\n"
                + "      type_info: {name: KeepColumns}\n",
            PipelineYAMLError.invalidField(
                file: "p.yaml", step: "keep", field: "columns", line: 6, reason: "expected a list of strings, got int")
        ),
        (
            "pipeline:\n  name: x\n  steps:\n  - step:\n      name: gen\n      llm: {type_info: {name: GPT}}\n"
                + "      type_info: {name: TextGeneration}\n",
            PipelineYAMLError.unknownType(file: "p.yaml", step: "gen", line: 6, typeName: "GPT", known: [])
        ),
        (
            "pipeline:\n  name: x\n  steps: [\n    {a: 1\n",
            PipelineYAMLError.syntax(
                file: "p.yaml", line: 5, column: 1,
                problem: "while parsing a flow mapping (4:5): did not find expected ',' or '}'")
        ),
    ])
    func mistakesAreReportedWithTheirLine(text: String, expected: PipelineYAMLError) throws {
        let error = try #require(throws: PipelineYAMLError.self) { try Self.read(text) }
        if case .unknownField(_, let step, let field, let line, let valid) = error {
            #expect(step == "keep" && field == "colums" && line == 7)
            #expect(valid.contains("columns"))
            #expect(error.description.hasPrefix("p.yaml:7: step 'keep' has no field 'colums'"))
        } else if case .unknownType(_, let step, let line, let typeName, _) = error {
            #expect(step == "gen" && line == 6 && typeName == "GPT")
        } else {
            #expect(error == expected)
        }
    }

    @Test func fieldsPythonWritesForEveryStepAreAccepted() throws {
        let pipeline = try Self.read(
            """
            pipeline:
              name: python-fields
              steps:
              - step:
                  name: load
                  resources: {replicas: 2, cpus: null, gpus: null, memory: null, resources: null}
                  input_mappings: {}
                  output_mappings: {a: b}
                  use_cache: false
                  batch_size: 5
                  data: [{a: 1}]
                  runtime_parameters_info: [{name: batch_size, optional: true}]
                  type_info: {module: distilabel.steps.generators.data, name: LoadDataFromDicts}
                name: load
              connections: []
              routing_batch_functions: []
              type_info: {module: distilabel.pipeline.local, name: Pipeline}
            requirements: []
            """)
        let load = try #require(pipeline.node("load"))
        #expect(
            load.options
                == StepOptions(outputMappings: ["a": "b"], batchSize: 5, replicas: 2, useCache: false))
    }

    @Test func aDirectoryInDataFilesReadsItsFilesInNameOrder() async throws {
        try await withTemporaryDirectory { root in
            try Foundation.Data("{\"n\": 2}\n".utf8).write(to: root.appendingPathComponent("b.jsonl"))
            try Foundation.Data("{\"n\": 1}\n".utf8).write(to: root.appendingPathComponent("a.jsonl"))
            try Foundation.Data("ignored".utf8).write(to: root.appendingPathComponent("notes.txt"))
            let pipeline = try Self.read(
                """
                pipeline:
                  name: folder
                  steps:
                  - step: {name: load, data_files: '\(root.path)', type_info: {name: LoadDataFromFileSystem}}
                """)
            #expect(try await pipeline.run().rows == [["n": 1], ["n": 2]])
        }
    }
}
