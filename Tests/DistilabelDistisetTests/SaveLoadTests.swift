import Distilabel
import DistilabelTesting
import Foundation
import Parquet
import Testing

@Suite struct SaveLoadTests {
    private func sample(pipelineFiles root: URL? = nil) throws -> Distiset {
        var distiset = Distiset(configurations: [
            DistisetConfiguration(name: "keep", rows: SampleData.rows(12)),
            DistisetConfiguration(name: "texts", rows: SampleData.rows(4).map { $0.keeping(["instruction"]) }),
        ])
        if let root {
            let yaml = """
                distilabel:
                  version: 1.5.3
                pipeline:
                  name: haiku-pipeline
                  description: Writes haikus.
                  steps:
                  - step:
                      name: load
                      batch_size: 50
                      type_info:
                        module: distilabel.steps.generators.data
                        name: LoadDataFromDicts
                    name: load
                  - step:
                      name: keep
                      type_info:
                        module: distilabel.steps.columns.keep
                        name: KeepColumns
                    name: keep
                  connections: []
                """
            try SampleData.write(yaml, to: root.appendingPathComponent("pipeline.yaml"))
            try SampleData.write("[INFO] done\n", to: root.appendingPathComponent("pipeline.log"))
            distiset.pipelinePath = root.appendingPathComponent("pipeline.yaml")
            distiset.logFilenamePath = root.appendingPathComponent("pipeline.log")
        }
        return distiset
    }

    @Test func saveWritesTheHubLayoutAndLoadReadsItBack() async throws {
        try await withTemporaryDirectory { root in
            let distiset = try sample(pipelineFiles: root)
            let output = root.appendingPathComponent("out")
            try distiset.save(to: output)
            let manager = FileManager.default
            for file in [
                "README.md", "pipeline.yaml", "pipeline.log", "keep/train-00000-of-00001.parquet",
                "texts/train-00000-of-00001.parquet",
            ] {
                #expect(manager.fileExists(atPath: output.appendingPathComponent(file).path), "\(file)")
            }
            let reader = try ParquetFileReader(
                path: output.appendingPathComponent("keep/train-00000-of-00001.parquet").path)
            #expect(reader.huggingfaceMetadata?.contains("\"messages\": {\"feature\": {\"role\"") == true)
            #expect(reader.rowCount == 12)
            #expect(
                manager.contents(atPath: output.appendingPathComponent("pipeline.yaml").path)
                    == manager.contents(atPath: root.appendingPathComponent("pipeline.yaml").path))

            let loaded = try Distiset.load(from: output)
            #expect(loaded.configurations == distiset.configurations)
            #expect(loaded.pipelinePath?.lastPathComponent == "pipeline.yaml")
            #expect(loaded.logFilenamePath?.lastPathComponent == "pipeline.log")
            #expect(loaded.pipelineSummary?.name == "haiku-pipeline")
        }
    }

    @Test func theCardHasFrontMatterAndADescription() async throws {
        try await withTemporaryDirectory { root in
            let output = root.appendingPathComponent("out")
            try sample(pipelineFiles: root).save(to: output)
            let card = String(
                decoding: try #require(
                    FileManager.default.contents(atPath: output.appendingPathComponent("README.md").path)),
                as: UTF8.self)
            let front = card.components(separatedBy: "\n---\n")[0]
            #expect(front.hasPrefix("---\n"))
            for expected in [
                "size_categories: n<1K", "- distilabel", "dataset_info:", "- config_name: keep", "  features:",
                "  - name: id\n    dtype: int64", "  - name: tags\n    list: string",
                "  - name: messages\n    list:\n    - name: role\n      dtype: string",
                "  - name: note\n    dtype: string", "  - name: train\n    num_examples: 12",
                "configs:\n- config_name: keep\n  data_files:\n  - split: train\n    path: keep/train-*",
                "- config_name: texts", "    path: texts/train-*",
            ] {
                #expect(front.contains(expected), "\(expected)")
            }
            for expected in [
                "# haiku-pipeline", "Writes haikus.", "| `load` | `LoadDataFromDicts` |", "| `keep` | `KeepColumns` |",
                "| `keep` | `train` | 12 |", "| `texts` | `train` | 4 |",
                "\"instruction\": \"Write a haiku about the number 0",
                "distilabel pipeline run --config pipeline.yaml", "load_dataset(",
            ] {
                #expect(card.contains(expected), "\(expected)")
            }
        }
    }

    @Test func savingAgainLeavesNoStaleShards() async throws {
        try await withTemporaryDirectory { root in
            let output = root.appendingPathComponent("out")
            let distiset = try sample()
            try distiset.trainTestSplit(trainSize: 0.75, seed: 3).save(to: output)
            let split = try Distiset.load(from: output)
            #expect(split["keep"]?.splitNames == ["train", "test"])
            #expect(split["keep"]?["train"]?.count == 9)
            #expect(split["keep"]?["test"]?.count == 3)
            try distiset.save(to: output)
            #expect(
                !FileManager.default.fileExists(
                    atPath: output.appendingPathComponent("keep/test-00000-of-00001.parquet").path))
            #expect(try Distiset.load(from: output).configurations == distiset.configurations)
        }
    }

    @Test func loadWithoutACardFindsTheConfigurationFolders() async throws {
        try await withTemporaryDirectory { root in
            let output = root.appendingPathComponent("out")
            let distiset = try sample().trainTestSplit(trainSize: 0.5, seed: 1)
            try distiset.save(to: output)
            try FileManager.default.removeItem(at: output.appendingPathComponent("README.md"))
            let loaded = try Distiset.load(from: output)
            #expect(loaded.configurations == distiset.configurations)
            #expect(loaded.pipelinePath == nil)
            #expect(throws: DistisetError.self) { try Distiset.load(from: root.appendingPathComponent("missing")) }
            let empty = root.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            #expect(throws: DistisetError.self) { try Distiset.load(from: empty) }
        }
    }

    @Test func unusualNamesAreQuotedInTheCard() async throws {
        try await withTemporaryDirectory { root in
            let output = root.appendingPathComponent("out")
            let distiset = Distiset(configurations: [
                DistisetConfiguration(name: "true", rows: [["key: value": 1, "#hash": "x", "null": .null]]),
                DistisetConfiguration(name: "2024", rows: [["a": [[1, 2], [3]]]]),
            ])
            try distiset.save(to: output)
            let card = String(
                decoding: FileManager.default.contents(atPath: output.appendingPathComponent("README.md").path)
                    ?? .init(), as: UTF8.self)
            #expect(card.contains("- config_name: \"true\""))
            #expect(card.contains("- config_name: \"2024\""))
            #expect(card.contains("- name: \"key: value\""))
            #expect(card.contains("- name: \"#hash\"\n    dtype: int64") == false)
            #expect(card.contains("- name: \"#hash\"\n    dtype: string"))
            #expect(card.contains("- name: \"null\"\n    dtype: 'null'"))
            #expect(card.contains("- name: a\n    list:\n      list: int64"))
            #expect(try Distiset.load(from: output).configurations == distiset.configurations)
        }
    }

    @Test func anEmptyConfigurationIsRefusedBeforeAnythingIsWritten() async throws {
        try await withTemporaryDirectory { root in
            let output = root.appendingPathComponent("out")
            let distiset = Distiset(configurations: [
                DistisetConfiguration(name: "full", rows: SampleData.rows(2)),
                DistisetConfiguration(name: "empty", rows: []),
            ])
            #expect {
                try distiset.save(to: output)
            } throws: { error in
                guard let error = error as? DistisetError, case .unsupportedRows(let name, _, _) = error else {
                    return false
                }
                return name == "empty" && error.description.contains("'empty'")
            }
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}
