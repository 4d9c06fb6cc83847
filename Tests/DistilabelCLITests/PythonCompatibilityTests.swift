import Distilabel
import DistilabelTesting
import DistilabelYAML
import Foundation
import Testing

/// A `pipeline.yaml` written in the test by Python distilabel 1.5.3 runs in our command line.
struct PythonCompatibilityTests {
    /// A Python with distilabel 1.5.3: `.venv-tools` (installed by `Scripts/bootstrap-test-tools`) or a local
    /// `.venv-distilabel`.
    static var python: URL? {
        for folder in [".venv-tools", ".venv-distilabel"] {
            let url = CLIProcess.packageRoot.appendingPathComponent("\(folder)/bin/python")
            guard FileManager.default.isExecutableFile(atPath: url.path) else { continue }
            let check = Process()
            check.executableURL = url
            check.arguments = ["-c", "import distilabel, sys; sys.exit(0 if distilabel.__version__ == '1.5.3' else 1)"]
            check.standardOutput = FileHandle.nullDevice
            check.standardError = FileHandle.nullDevice
            guard (try? check.run()) != nil else { continue }
            check.waitUntilExit()
            if check.terminationStatus == 0 { return url }
        }
        return nil
    }

    @Test func aPipelineYAMLWrittenByPythonDistilabelRuns() async throws {
        guard let python = Self.python else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("Python distilabel 1.5.3 is missing: run Scripts/bootstrap-test-tools")
            } else {
                print("skipped: no Python with distilabel 1.5.3 (run Scripts/bootstrap-test-tools)")
            }
            return
        }
        guard CLIProcess.require() else { return }
        try await withTemporaryDirectory { root in
            let data = root.appendingPathComponent("data.jsonl")
            let lines = (1...5).map { #"{"instruction": "Question \#($0)", "id": \#($0), "extra": "x"}"# }
            try Foundation.Data((lines.joined(separator: "\n") + "\n").utf8).write(to: data)
            let config = root.appendingPathComponent("pipeline.yaml")
            let script = CLIProcess.testsFolder.appendingPathComponent("Python/write_pipeline_yaml.py")
            let writer = Process()
            writer.executableURL = python
            writer.arguments = [script.path, data.path, config.path]
            writer.standardOutput = FileHandle.nullDevice
            writer.standardError = FileHandle.nullDevice
            try writer.run()
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
            let text = try String(contentsOf: config, encoding: .utf8)
            #expect(text.contains("version: 1.5.3"))

            let info = try CLIProcess.run(["pipeline", "info", "--config", config.path])
            #expect(info.status == 0, "\(info.stderr)")
            #expect(info.stdout.contains("Pipeline: python-written"))
            #expect(info.stdout.contains("load_data -> keep"))

            let cache = root.appendingPathComponent("cache")
            let run = try CLIProcess.run(["pipeline", "run", "--config", config.path, "--cache-dir", cache.path])
            #expect(run.status == 0, "\(run.stderr)")
            let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("Cache: ") })
            let directory = URL(fileURLWithPath: String(line.dropFirst(7)))
            let rows = try LeafData.rows(executionDirectory: directory, leaf: "generate")
            #expect(rows.map { $0["id"] } == (1...5).map { .int(Int64($0)) })
            #expect(rows.map { $0["generation"] } == (1...5).map { .string("Response 0 to: Question \($0)") })
            #expect(rows.allSatisfy { $0["extra"] == nil && $0["model_name"] == .string("mock-model") })
        }
    }

    @Test func pyYAMLReadsOurFileAsWeMeantIt() async throws {
        guard let python = Self.python else { return }
        try await withTemporaryDirectory { root in
            let rows: [Row] = [
                ["text": "yes", "n": 1, "x": 0.7], ["text": "null", "n": -2, "x": 1e-05],
                ["text": "line one\nline two", "n": 3, "x": 1e20], ["text": "0.5", "n": 4, "x": -0.0],
                ["text": "on", "n": 5, "x": 2.0], ["text": "'quoted' and: colon # hash", "n": 6, "x": 3.25],
            ]
            let awkward = [
                "", " lead", "trail ", "~", "- item", ".inf", "1_000", "0x1F", "2001-12-14", "12:30:00", "1.5.3", "No",
                "a: b", "a #b", "[x]", "{y}", "*alias", "&anchor", "!tag", "%d", "@at", "`t", "'s'", "\"d\"", "b\\s",
                "tab\there", "crlf\r\n", "nul\u{0}", "bell\u{7}", "nel\u{85}", "ls\u{2028}", "é — 漢字 🦙", "E10",
            ]
            let allRows = rows + awkward.enumerated().map { ["text": .string($1), "n": .int(Int64($0)), "x": 0.5] }
            let pipeline = try Pipeline(name: "pyyaml") { p in
                p.add(LoadDataFromDicts(rows: allRows), name: "load")
            }
            let url = root.appendingPathComponent("pipeline.yaml")
            try PipelineYAML.write(pipeline, to: url)
            let reader = Process()
            reader.executableURL = python
            reader.arguments = [
                "-c",
                "import json, sys, yaml; d = yaml.safe_load(open(sys.argv[1])); "
                    + "print(json.dumps(d['pipeline']['steps'][0]['step']['data']))",
                url.path,
            ]
            let pipe = Pipe()
            reader.standardOutput = pipe
            try reader.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            reader.waitUntilExit()
            #expect(reader.terminationStatus == 0)
            let parsed = try Value(json: String(decoding: data, as: UTF8.self))
            #expect(parsed == .list(allRows.map(Value.struct)))
        }
    }
}

/// The other direction: Python distilabel 1.5.3 rebuilds the pipeline from a `pipeline.yaml` we wrote.
struct PythonReadsOurYAMLTests {
    @Test func pythonDistilabelLoadsOurPipelineYAML() async throws {
        guard let python = PythonCompatibilityTests.python else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("Python distilabel 1.5.3 is missing: run Scripts/bootstrap-test-tools")
            }
            return
        }
        try await withTemporaryDirectory { root in
            let data = root.appendingPathComponent("data.jsonl")
            try Foundation.Data(#"{"question": "Why?", "id": 1}"#.utf8).write(to: data)
            let pipeline = try Pipeline(name: "swift-written", description: "Written by swift-distilabel") { p in
                let load = p.add(
                    LoadDataFromFileSystem(dataFiles: data.path), name: "load_data",
                    outputMappings: ["question": "instruction"],
                    batchSize: 7)
                let keep = p.add(KeepColumns(["instruction", "id"]), name: "keep", inputBatchSize: 3)
                let llm = OpenAILLM(model: "gpt-4o-mini", baseURL: "http://127.0.0.1:9/v1")
                let generate = p.add(
                    TextGeneration(
                        llm: llm, systemPrompt: "Be brief.",
                        generationKwargs: ["temperature": 0.25, "max_new_tokens": 64]),
                    name: "generate", inputBatchSize: 5)
                let other = p.add(KeepColumns(["id"]), name: "ids")
                load >>> keep >>> [generate, other]
            }
            let url = root.appendingPathComponent("pipeline.yaml")
            try PipelineYAML.write(pipeline, to: url)
            let reader = try CLIProcess.run(
                [CLIProcess.testsFolder.appendingPathComponent("Python/read_our_pipeline_yaml.py").path, url.path],
                environment: ["OPENAI_API_KEY": "sk-not-used"], program: python)
            #expect(reader.status == 0, "\(reader.stderr.suffix(2000))")
            guard reader.status == 0 else { return }
            let rebuilt = try Value(json: reader.stdout).structValue ?? Row()
            #expect(rebuilt["name"] == "swift-written")
            #expect(rebuilt["description"] == "Written by swift-distilabel")
            let steps = rebuilt["steps"]?.listValue?.compactMap(\.structValue) ?? []
            let byName = Dictionary(uniqueKeysWithValues: steps.map { ($0["name"]?.stringValue ?? "", $0) })
            #expect(byName["load_data"]?["class"] == "LoadDataFromFileSystem")
            #expect(byName["load_data"]?["batch_size"] == 7)
            #expect(byName["load_data"]?["output_mappings"] == ["question": "instruction"])
            #expect(byName["keep"]?["class"] == "KeepColumns")
            #expect(byName["keep"]?["columns"] == ["instruction", "id"])
            #expect(byName["keep"]?["input_batch_size"] == 3)
            #expect(byName["generate"]?["class"] == "TextGeneration")
            #expect(byName["generate"]?["system_prompt"] == "Be brief.")
            #expect(byName["generate"]?["input_batch_size"] == 5)
            #expect(byName["generate"]?["llm"]?.structValue?["class"] == "OpenAILLM")
            #expect(byName["generate"]?["llm"]?.structValue?["model"] == "gpt-4o-mini")
            #expect(byName["generate"]?["llm"]?.structValue?["base_url"] == "http://127.0.0.1:9/v1")
            #expect(
                byName["generate"]?["llm"]?.structValue?["generation_kwargs"] == [
                    "max_new_tokens": 64, "temperature": 0.25,
                ], "Python prints sorted keys")
            #expect(
                rebuilt["connections"] == [
                    "generate": [], "ids": [], "keep": ["generate", "ids"], "load_data": ["keep"],
                ])
        }
    }
}
