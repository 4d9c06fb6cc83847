import Distilabel
import DistilabelTesting
import Foundation
import Testing

/// Hugging Face `datasets` loads what we save, and we read what Python distilabel 1.5.3 writes. Both run the real
/// Python libraries of `.venv-tools` (skipped locally without them, failing under CI).
@Suite(.serialized) struct PythonInteropTests {
    /// The JSON object Python printed, as a value.
    private func parse(_ text: String) throws -> Value {
        try Value(json: text)
    }

    private func rows(_ value: Value?) -> [Row] {
        (value?.listValue ?? []).compactMap(\.structValue)
    }

    private func feature(_ dtype: String) -> Value { ["dtype": .string(dtype), "_type": "Value"] }

    /// Lists of lists, a struct with a null field, an all-null column and a column mixing ints and doubles.
    private func nestedRow(_ index: Int) -> Row {
        var meta = Row()
        meta["rank"] = .int(Int64(index))
        meta["source"] = index == 2 ? .null : .string("test")
        var row = Row()
        row["matrix"] = .list([.list([.int(Int64(index)), .int(2)]), .list([])])
        row["meta"] = .struct(meta)
        row["nothing"] = .null
        row["mixed"] = index == 3 ? .double(0.5) : .int(Int64(index))
        return row
    }

    @Test func datasetsLoadsASavedDistisetWithTheSameRowsAndFeatures() async throws {
        guard PythonTools.require(module: "datasets") else { return }
        try await withTemporaryDirectory { root in
            let full = SampleData.rows(30)
            let distiset = try Distiset(configurations: [
                DistisetConfiguration(name: "generations", rows: full),
                DistisetConfiguration(name: "ids", rows: full.map { $0.keeping(["id", "score"]) }),
                DistisetConfiguration(name: "nested", rows: (0..<5).map(nestedRow)),
            ]).trainTestSplit(trainSize: 0.8, seed: 11)
            let output = root.appendingPathComponent("dataset")
            try distiset.save(to: output)

            let result = try parse(
                PythonTools.run("load_saved_distiset.py", [output.path, "generations", "ids", "nested"]))
            for configuration in distiset.configurations {
                let loaded = try #require(result.structValue?[configuration.name]?.structValue)
                #expect(loaded.columns == configuration.splitNames, "\(configuration.name)")
                for split in configuration.splits {
                    // A column mixing ints and doubles is saved as float64, so every value comes back a double.
                    let expected = split.rows.map { row in
                        var row = row
                        if let mixed = row["mixed"]?.doubleValue { row["mixed"] = .double(mixed) }
                        return row
                    }
                    #expect(rows(loaded[split.name]?.structValue?["rows"]) == expected, "\(configuration.name)")
                }
            }
            let features = result.structValue?["generations"]?.structValue?["train"]?.structValue?["features"]
            let expected: Value = [
                "id": feature("int64"),
                "instruction": feature("string"),
                "score": feature("float64"),
                "accepted": feature("bool"),
                "note": feature("string"),
                "tags": ["feature": feature("string"), "_type": "List"],
                "messages": ["feature": ["role": feature("string"), "content": feature("string")], "_type": "List"],
            ]
            #expect(features == expected)
            let idFeatures = result.structValue?["ids"]?.structValue?["test"]?.structValue?["features"]
            #expect(idFeatures == ["id": feature("int64"), "score": feature("float64")])
            let nestedFeatures = result.structValue?["nested"]?.structValue?["train"]?.structValue?["features"]
            let nestedExpected: Value = [
                "matrix": ["feature": ["feature": feature("int64"), "_type": "List"], "_type": "List"],
                "meta": ["rank": feature("int64"), "source": feature("string")],
                "nothing": feature("null"),
                "mixed": feature("float64"),
            ]
            #expect(nestedFeatures == nestedExpected)
        }
    }

    @Test func createDistisetReadsACacheWrittenByPythonDistilabel() async throws {
        guard PythonTools.require(module: "distilabel") else { return }
        try await withTemporaryDirectory { root in
            let cache = root.appendingPathComponent("cache")
            let result = try parse(
                PythonTools.run(
                    "write_distilabel_cache.py", ["python-written"],
                    environment: ["DISTILABEL_CACHE_DIR": cache.path, "HF_HUB_OFFLINE": "1"]))
            #expect(result.structValue?["version"] == "1.5.3")
            let execution = URL(fileURLWithPath: try #require(result.structValue?["execution_dir"]?.stringValue))
            let python = try #require(result.structValue?["configs"]?.structValue)

            let distiset = try createDistiset(dataDirectory: execution.appendingPathComponent("data"))
            #expect(Set(distiset.names) == Set(python.columns))
            #expect(distiset.names == ["keep_columns", "keep_ids"])
            for name in python.columns {
                #expect(distiset.rows(name) == rows(python[name]), "\(name)")
            }
            #expect(distiset.rows("keep_columns").count == 23)
            #expect(distiset["keep_columns"]?.columnNames == ["id", "instruction", "score", "tags", "meta"])
            #expect(
                distiset.pipelinePath?.standardizedFileURL.path
                    == execution.appendingPathComponent("pipeline.yaml").standardizedFileURL.path)

            // The card describes the Python pipeline, read from its pipeline.yaml.
            let output = root.appendingPathComponent("dataset")
            try distiset.save(to: output)
            let card = String(
                decoding: FileManager.default.contents(atPath: output.appendingPathComponent("README.md").path)
                    ?? .init(),
                as: UTF8.self)
            #expect(card.contains("# python-written"))
            #expect(card.contains("| `load_data` | `LoadDataFromDicts` |"))
            #expect(card.contains("| `keep_ids` | `KeepColumns` |"))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("pipeline.yaml").path))

            // And `datasets` loads our copy with the rows Python distilabel produced.
            let loaded = try parse(
                PythonTools.run("load_saved_distiset.py", [output.path, "keep_columns", "keep_ids"]))
            for name in python.columns {
                #expect(
                    rows(loaded.structValue?[name]?.structValue?["train"]?.structValue?["rows"]) == rows(python[name]))
            }
        }
    }
}
