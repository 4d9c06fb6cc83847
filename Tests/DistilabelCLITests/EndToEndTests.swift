import Distilabel
import DistilabelTesting
import Foundation
import Testing

/// The `distilabel` executable run as a child process, as a user runs it.
@Suite(.serialized) struct EndToEndTests {
    /// A pipeline.yaml with `count` inline rows, a MockLLM task and a KeepColumns leaf.
    static func pipelineYAML(name: String = "e2e", count: Int, latency: Double = 0) -> String {
        let rows = (0..<count).map { "      - {id: \($0), instruction: 'Question \($0)'}" }.joined(separator: "\n")
        return """
            pipeline:
              name: \(name)
              steps:
              - step:
                  name: load
                  batch_size: 4
                  data:
            \(rows)
                  type_info: {name: LoadDataFromDicts}
              - step:
                  name: generate
                  input_batch_size: 4
                  llm: {model: mock, latency_seconds: \(latency), type_info: {name: MockLLM}}
                  type_info: {name: TextGeneration}
              - step:
                  name: keep
                  columns: [id, generation]
                  type_info: {name: KeepColumns}
              connections:
              - {from: load, to: [generate]}
              - {from: generate, to: [keep]}

            """
    }

    static func write(_ text: String, in root: URL, name: String = "pipeline.yaml") throws -> URL {
        let url = root.appendingPathComponent(name)
        try Foundation.Data(text.utf8).write(to: url)
        return url
    }

    /// Every file under `directory`, recursively.
    static func files(under directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        var result: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { result.append(url) }
        }
        return result
    }

    static func cacheLine(_ output: String) -> URL? {
        output.split(separator: "\n").first { $0.hasPrefix("Cache: ") }.map {
            URL(fileURLWithPath: String($0.dropFirst(7)))
        }
    }

    @Test func runWritesTheDataAndPipelineYAMLAndSaysWhere() async throws {
        guard CLIProcess.require() else { return }
        try await withTemporaryDirectory { root in
            let config = try Self.write(Self.pipelineYAML(count: 10), in: root)
            let cache = root.appendingPathComponent("cache")
            let arguments = [
                "pipeline", "run", "--config", config.path, "--cache-dir", cache.path, "--param",
                "generate.llm.generation_kwargs.temperature=0.25",
            ]
            let first = try CLIProcess.run(arguments)
            #expect(first.status == 0, "\(first.stderr)")
            let lines = first.stdout.split(separator: "\n")
            #expect(lines.last?.hasPrefix("Data: ") == true)
            let directory = try #require(Self.cacheLine(first.stdout))
            #expect(directory.path.hasPrefix(cache.path + "/e2e/"))
            let rows = try LeafData.rows(executionDirectory: directory, leaf: "keep")
            #expect(rows.map { $0["id"] } == (0..<10).map { .int(Int64($0)) })
            #expect(rows.first?["generation"] == .string("Response 0 to: Question 0"))
            let yaml = try String(contentsOf: directory.appendingPathComponent("pipeline.yaml"), encoding: .utf8)
            #expect(yaml.contains("temperature: 0.25"))
            // Without a terminal, progress comes as plain log lines.
            #expect(first.stderr.contains("[progress") || first.stderr.contains("New pipeline execution"))

            // The same command again reuses the cache and gives the same rows.
            let second = try CLIProcess.run(arguments)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stderr.contains("Load pipeline from cache"))
            #expect(try LeafData.rows(executionDirectory: directory, leaf: "keep") == rows)

            // The pipeline.yaml written into the cache runs as is, with the same signature (same folder).
            let again = try CLIProcess.run([
                "pipeline", "run", "--config", directory.appendingPathComponent("pipeline.yaml").path, "--cache-dir",
                cache.path,
            ])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(Self.cacheLine(again.stdout) == directory)
        }
    }

    @Test func outputAndDistisetCreateSaveTheDatasetInTheHubLayout() async throws {
        guard CLIProcess.require() else { return }
        try await withTemporaryDirectory { root in
            let config = try Self.write(Self.pipelineYAML(name: "saved", count: 7), in: root)
            let cache = root.appendingPathComponent("cache")
            let output = root.appendingPathComponent("dataset")
            let run = try CLIProcess.run([
                "pipeline", "run", "--config", config.path, "--cache-dir", cache.path, "--output", output.path,
            ])
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n")
            #expect(lines.suffix(2).first?.hasPrefix("Cache: ") == true)
            #expect(lines.last == "Output: \(output.path)")
            let saved = try Distiset.load(from: output)
            #expect(saved.names == ["default"])
            let rows = try #require(saved.configurations.first?["train"]).rows
            #expect(rows.map { $0["id"] } == (0..<7).map { .int(Int64($0)) })
            for name in ["README.md", "pipeline.yaml", "pipeline.log", "default/train-00000-of-00001.parquet"] {
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "\(name)")
            }

            let directory = try #require(Self.cacheLine(run.stdout))
            let created = root.appendingPathComponent("created")
            let create = try CLIProcess.run([
                "distiset", "create", directory.appendingPathComponent("data").path, "--output", created.path,
            ])
            #expect(create.status == 0, "\(create.stderr)")
            #expect(create.stdout.contains("default: train: 7 rows"))
            #expect(try Distiset.load(from: created).configurations.first?["train"]?.rows == rows)

            let missing = try CLIProcess.run([
                "distiset", "create", root.appendingPathComponent("nothing").path, "--output", created.path,
            ])
            #expect(missing.status == 1)
            #expect(missing.stderr.hasPrefix("error: "))
        }
    }

    @Test func noSecretFromTheEnvironmentReachesTheCache() async throws {
        guard CLIProcess.require() else { return }
        try await withTemporaryDirectory { root in
            let secret = "sk-test-\(UUID().uuidString)"
            let config = try Self.write(Self.pipelineYAML(name: "secrets", count: 5), in: root)
            let cache = root.appendingPathComponent("cache")
            let outcome = try CLIProcess.run(
                ["pipeline", "run", "--config", config.path, "--cache-dir", cache.path],
                environment: ["OPENAI_API_KEY": secret, "ANTHROPIC_API_KEY": secret, "HF_TOKEN": secret])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let files = Self.files(under: cache)
            #expect(files.contains { $0.lastPathComponent == "pipeline.yaml" })
            #expect(files.count > 3)
            for file in files {
                let bytes = try Foundation.Data(contentsOf: file)
                #expect(bytes.range(of: Foundation.Data(secret.utf8)) == nil, "secret found in \(file.path)")
            }
        }
    }

    @Test func errorsPrintOneMessageAndTheDocumentedExitCode() async throws {
        guard CLIProcess.require() else { return }
        try await withTemporaryDirectory { root in
            let usage = try CLIProcess.run(["pipeline", "run"])
            #expect(usage.status == 2)
            #expect(usage.stderr.contains("--config"))
            let noEquals = try CLIProcess.run([
                "pipeline", "run", "--config", "x.yaml", "--param", "generate.temperature",
            ])
            #expect(noEquals.status == 2)
            #expect(
                noEquals.stderr == "error: invalid --param 'generate.temperature': there is no '='. "
                    + "Use --param STEP.KEY[.SUBKEY]=VALUE.\n")

            let broken = try Self.write("pipeline:\n  name: x\n  steps: [\n    {a: 1\n", in: root, name: "broken.yaml")
            let syntax = try CLIProcess.run(["pipeline", "info", "--config", broken.path])
            #expect(syntax.status == 1)
            #expect(syntax.stderr.hasPrefix("error: \(broken.path):5:1: YAML syntax error"), "\(syntax.stderr)")
            #expect(syntax.stderr.split(separator: "\n").count == 1)

            let unknown = try Self.write(
                "pipeline:\n  name: x\n  steps:\n  - step:\n      name: s\n      type_info: {name: Nope}\n", in: root,
                name: "unknown.yaml")
            let type = try CLIProcess.run(["pipeline", "info", "--config", unknown.path])
            #expect(type.status == 1)
            #expect(type.stderr.contains("\(unknown.path):6: step 's' has the unknown type 'Nope'"), "\(type.stderr)")

            let badParam = try CLIProcess.run([
                "pipeline", "run", "--config", try Self.write(Self.pipelineYAML(count: 2), in: root).path,
                "--cache-dir", root.appendingPathComponent("c").path, "--param", "generate.llm.nope=1",
            ])
            #expect(badParam.status == 1)
            #expect(badParam.stderr.contains("nope"))
        }
    }

    @Test func theLogLevelComesFromTheOptionOrTheEnvironment() async throws {
        guard CLIProcess.require() else { return }
        try await withTemporaryDirectory { root in
            let config = try Self.write(Self.pipelineYAML(name: "logged", count: 3), in: root)
            let cache = root.appendingPathComponent("cache").path
            let quiet = try CLIProcess.run(
                ["pipeline", "run", "--config", config.path, "--cache-dir", cache],
                environment: ["DISTILABEL_LOG_LEVEL": "error"])
            #expect(quiet.status == 0)
            #expect(!quiet.stderr.contains(" info "), "\(quiet.stderr)")
            let loud = try CLIProcess.run(
                ["pipeline", "run", "--config", config.path, "--cache-dir", cache, "--log-level", "debug"],
                environment: ["DISTILABEL_LOG_LEVEL": "error"])
            #expect(loud.status == 0)
            #expect(loud.stderr.contains(" info "))
            let wrong = try CLIProcess.run(
                ["pipeline", "run", "--config", config.path, "--cache-dir", cache, "--log-level", "loud"])
            #expect(wrong.status == 2)
            #expect(wrong.stderr.contains("invalid log level 'loud'"))
        }
    }

    @Test func cacheListShowsStateAndCleanRemovesIt() async throws {
        guard CLIProcess.require() else { return }
        try await withTemporaryDirectory { root in
            let cache = root.appendingPathComponent("cache")
            let config = try Self.write(Self.pipelineYAML(name: "listed", count: 6), in: root)
            let run = try CLIProcess.run(["pipeline", "run", "--config", config.path, "--cache-dir", cache.path])
            #expect(run.status == 0, "\(run.stderr)")
            let signature = try #require(Self.cacheLine(run.stdout)).lastPathComponent

            let list = try CLIProcess.run(["cache", "list", "--cache-dir", cache.path])
            #expect(list.status == 0)
            #expect(list.stdout.contains("listed  \(signature)"))
            #expect(list.stdout.contains("state: finished"))
            #expect(list.stdout.contains("size: "))
            #expect(list.stdout.contains("last run: 20"))

            let missing = try CLIProcess.run(["cache", "clean", "other", "--cache-dir", cache.path])
            #expect(missing.status == 1)
            let clean = try CLIProcess.run([
                "cache", "clean", "listed", "--signature", signature, "--cache-dir", cache.path,
            ])
            #expect(clean.status == 0)
            #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("listed/\(signature)").path))
            let empty = try CLIProcess.run(["cache", "list", "--cache-dir", cache.path])
            #expect(empty.stdout.contains("No cached pipelines"))
        }
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalStopsGracefullyAndTheNextRunResumes(signal: Int32, expected: Int32) async throws {
        guard CLIProcess.require() else { return }
        try await withTemporaryDirectory { root in
            let cache = root.appendingPathComponent("cache")
            // About 5 s of work (50 batches of 0.1 s), so that the signal lands mid-run even on a loaded machine.
            let config = try Self.write(Self.pipelineYAML(name: "stopped", count: 200, latency: 0.1), in: root)
            let arguments = ["pipeline", "run", "--config", config.path, "--cache-dir", cache.path]
            let (process, out, err) = try CLIProcess.launch(arguments)
            // Wait until some batches of the leaf are committed (journal lines), then signal.
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                let journals = Self.files(under: cache).filter { $0.path.hasSuffix("/batch_manager_steps/keep.jsonl") }
                let lines = journals.reduce(0) { count, url in
                    count + (FileManager.default.contents(atPath: url.path)?.filter { $0 == 0x0A }.count ?? 0)
                }
                if lines >= 2 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            kill(process.processIdentifier, signal)
            let outcome = CLIProcess.finish(process, out, err)
            #expect(outcome.status == expected, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("Run the same command again to resume"))
            let list = try CLIProcess.run(["cache", "list", "--cache-dir", cache.path])
            #expect(list.stdout.contains("state: resumable ("), "\(list.stdout)")
            #expect(list.stdout.contains("rows saved)"))

            let resumed = try CLIProcess.run(arguments)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let directory = try #require(Self.cacheLine(resumed.stdout))
            let rows = try LeafData.rows(executionDirectory: directory, leaf: "keep")
            #expect(rows.map { $0["id"] } == (0..<200).map { .int(Int64($0)) })
        }
    }
}
