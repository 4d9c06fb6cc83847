import Distilabel
import DistilabelTesting
import DistilabelYAML
import Foundation
import Testing

/// A `pipeline.yaml` with the formatting steps and `DataSampler`, written in the test by Python distilabel 1.5.3, is
/// read by `PipelineYAML.read` and runs; every leaf's rows are those Python's steps give for the same input rows.
struct PythonWrittenFormattingTests {
    static let turn = PythonFormattingTests.turn

    /// The rows of the data file: consistent columns, with a tie, an empty and a null system prompt, a null
    /// generation and a longer conversation.
    static let rows: [Row] = [
        [
            "system_prompt": "Be brief.", "instruction": "What's 2+2?", "generation": "4", "response": "4",
            "messages": [turn("user", "What's 2+2?")], "generations": ["4", "5", "6"],
            "generation_models": ["a", "b", "c"], "ratings": [1, 0, -1],
        ],
        [
            "system_prompt": "", "instruction": "Ünïcödé 🦙 漢字", "generation": nil, "response": nil,
            "messages": [
                turn("system", "S"), turn("user", "Ünïcödé 🦙 漢字"), turn("assistant", "x"), turn("user", "again"),
            ],
            "generations": ["x", "y"], "generation_models": ["a", "b"], "ratings": [3.5, 3.5],
        ],
        [
            "system_prompt": nil, "instruction": "Rate", "generation": "g", "response": "r",
            "messages": [turn("user", "Rate")], "generations": ["p", "q", "r", "s"],
            "generation_models": ["m0", "m1", "m2", "m3"], "ratings": [2, 5.0, 5, 1],
        ],
    ]

    @Test func aPythonWrittenFormattingPipelineReadsAndRuns() async throws {
        guard let python = PythonFormattingTests.pythonOrSkip() else { return }
        try await withTemporaryDirectory { root in
            let data = root.appendingPathComponent("data.jsonl")
            try Foundation.Data(Self.rows.map { $0.description + "\n" }.joined().utf8).write(to: data)
            let config = root.appendingPathComponent("pipeline.yaml")
            let withData = root.appendingPathComponent("pipeline-with-data.yaml")
            let writer = Process()
            writer.executableURL = python
            writer.arguments = [
                CLIProcess.testsFolder.appendingPathComponent("Python/write_formatting_pipeline.py").path, data.path,
                config.path, withData.path,
            ]
            writer.standardOutput = FileHandle.nullDevice
            writer.standardError = FileHandle.nullDevice
            try writer.run()
            writer.waitUntilExit()
            try #require(writer.terminationStatus == 0, "the Python writer failed")

            // Python leaves DataSampler's data out of the file: reading it says so, naming the step and field.
            do {
                _ = try PipelineYAML.read(from: config)
                Issue.record("expected an error: the file has no data for DataSampler")
            } catch {
                let message = "\(error)"
                #expect(message.contains("'sampler'") && message.contains("data"), "\(message)")
                #expect(message.contains("Python distilabel does not write them"), "\(message)")
            }

            let pipeline = try PipelineYAML.read(from: withData)
            #expect(
                pipeline.nodes.map(\.typeName) == [
                    "LoadDataFromFileSystem", "FormatTextGenerationSFT", "FormatChatGenerationSFT",
                    "FormatTextGenerationDPO", "FormatChatGenerationDPO", "ConversationTemplate", "KeepColumns",
                    "FormatChatGenerationDPO", "DataSampler", "KeepColumns",
                ])
            let sampler = try #require(pipeline.nodes.first { $0.name == "sampler" })
            let step = try #require(sampler.step as? DataSampler)
            #expect(step.size == 3 && step.samples == 7 && step.seed == 0 && step.data.count == 6)
            #expect(sampler.options.batchSize == 3)
            #expect(pipeline.nodes.first { $0.name == "dpo" }?.options.inputBatchSize == 1)

            let output = try await pipeline.run(options: RunOptions(logger: quietLogger))
            #expect(output.isComplete && output.failedBatches == 0)

            // Each leaf's rows are what Python's step returns for the same input rows.
            let dropped = Self.rows.map { $0.keeping(["messages", "generations", "ratings"]) }
            let leaves: [(name: String, type: String, input: [Row])] = [
                ("sft", "FormatTextGenerationSFT", Self.rows), ("chat_sft", "FormatChatGenerationSFT", Self.rows),
                ("dpo", "FormatTextGenerationDPO", Self.rows), ("chat_dpo", "FormatChatGenerationDPO", Self.rows),
                ("conversation", "ConversationTemplate", Self.rows),
                ("chat_dpo_plain", "FormatChatGenerationDPO", dropped),
            ]
            let expected = try PythonFormattingTests.runPython(
                python, cases: leaves.map { ["step": .string($0.type), "rows": .list($0.input.map(Value.struct))] },
                in: root)
            for (index, leaf) in leaves.enumerated() {
                let pythonRows = (expected[index].structValue?["rows"]?.listValue ?? []).compactMap(\.structValue)
                #expect(pythonRows.count == 3, "\(leaf.name)")
                #expect(output.leafRows[leaf.name] == pythonRows, "\(leaf.name)")
            }
            #expect(output.leafRows["chat_dpo_plain"]?.allSatisfy { !$0.contains("chosen_model") } == true)

            let sampled = try #require(output.leafRows["keep"])
            #expect(sampled.count == 7)
            #expect(sampled.allSatisfy { $0.columns == ["q", "k"] && $0["q"]?.listValue?.count == 3 })
            // The same file run again draws the same samples.
            let again = try await PipelineYAML.read(from: withData).run(options: RunOptions(logger: quietLogger))
            #expect(again.leafRows["keep"] == sampled)
        }
    }
}

/// The other direction: Python distilabel 1.5.3 rebuilds our formatting steps and `DataSampler` (with its `data`
/// and our extra `seed`) from a `pipeline.yaml` we wrote.
struct PythonReadsOurFormattingYAMLTests {
    @Test func pythonDistilabelLoadsOurFormattingSteps() async throws {
        guard let python = PythonFormattingTests.pythonOrSkip() else { return }
        try await withTemporaryDirectory { root in
            let pipeline = try Pipeline(name: "swift-formatting") { p in
                let load = p.add(LoadDataFromDicts(rows: PythonWrittenFormattingTests.rows), name: "load")
                load >>> [
                    p.add(FormatTextGenerationSFT(), name: "sft"), p.add(FormatChatGenerationSFT(), name: "chat_sft"),
                    p.add(FormatTextGenerationDPO(), name: "dpo", inputBatchSize: 2),
                    p.add(FormatChatGenerationDPO(), name: "chat_dpo"),
                    p.add(ConversationTemplate(), name: "conversation"),
                ]
                p.add(DataSampler(data: [["q": "a"], ["q": "b"]], size: 4, samples: 9, seed: 3), name: "sampler")
                    >>> p.add(KeepColumns(["q"]), name: "keep")
            }
            let url = root.appendingPathComponent("pipeline.yaml")
            try PipelineYAML.write(pipeline, to: url)
            let reader = try CLIProcess.run(
                [CLIProcess.testsFolder.appendingPathComponent("Python/read_our_pipeline_yaml.py").path, url.path],
                program: python)
            #expect(reader.status == 0, "\(reader.stderr.suffix(2000))")
            guard reader.status == 0 else { return }
            let rebuilt = try Value(json: reader.stdout).structValue ?? Row()
            let steps = rebuilt["steps"]?.listValue?.compactMap(\.structValue) ?? []
            let classes = Dictionary(uniqueKeysWithValues: steps.map { ($0["name"]?.stringValue ?? "", $0) })
            #expect(classes["sft"]?["class"] == "FormatTextGenerationSFT")
            #expect(classes["chat_sft"]?["class"] == "FormatChatGenerationSFT")
            #expect(classes["dpo"]?["class"] == "FormatTextGenerationDPO")
            #expect(classes["dpo"]?["input_batch_size"] == 2)
            #expect(classes["chat_dpo"]?["class"] == "FormatChatGenerationDPO")
            #expect(classes["conversation"]?["class"] == "ConversationTemplate")
            #expect(classes["sampler"]?["class"] == "DataSampler")
            #expect(classes["sampler"]?["size"] == 4 && classes["sampler"]?["samples"] == 9)
            #expect(rebuilt["connections"]?.structValue?["sampler"] == ["keep"])
        }
    }
}
