import Distilabel
import DistilabelTesting
import Foundation
import Testing

@Suite struct BuiltInStepTests {
    @Test func loadDataFromDictsIsReSeekable() async throws {
        let step = LoadDataFromDicts(rows: numberedRows(25))
        let middle = try await step.batch(offset: 10, size: 10, context: testContext)
        #expect(middle.rows.map { $0["id"] } == (10..<20).map { .int(Int64($0)) })
        #expect(!middle.isLast)
        let last = try await step.batch(offset: 20, size: 10, context: testContext)
        #expect(last.rows.count == 5 && last.isLast)
        #expect(step.outputs == ["id", "instruction"])
        let changed = LoadDataFromDicts(rows: numberedRows(24))
        #expect(try await step.dataFingerprint() != changed.dataFingerprint())
    }

    @Test func keepColumnsKeepsOrder() async throws {
        let rows: [Row] = [["a": 1, "b": 2, "c": 3]]
        let output = try await KeepColumns(["c", "a"]).process([rows], context: testContext)
        #expect(output == [["c": 3, "a": 1]])
        #expect(output[0].columns == ["c", "a"])
    }

    @Test func combineOutputsMergesRowsAndMetadata() async throws {
        let left: [Row] = [["a": 1, "distilabel_metadata": ["x": 1]]]
        let right: [Row] = [["b": 2, "distilabel_metadata": ["y": 2]]]
        let output = try await CombineOutputs().process([left, right], context: testContext)
        #expect(output == [["a": 1, "b": 2, "distilabel_metadata": ["x": 1, "y": 2]]])
        #expect(output[0].columns == ["a", "b", "distilabel_metadata"])
    }

    @Test func expandColumnsMakesOneRowPerElement() async throws {
        let rows: [Row] = [["id": 1, "generations": ["a", "b", "c"]], ["id": 2, "generations": ["d"]]]
        let output = try await ExpandColumns(mapping: [("generations", "generation")]).process(
            [rows], context: testContext)
        #expect(
            output == [
                ["id": 1, "generation": "a"], ["id": 1, "generation": "b"], ["id": 1, "generation": "c"],
                ["id": 2, "generation": "d"],
            ])
    }

    @Test func groupColumnsGroupsAcrossInputs() async throws {
        let first: [Row] = [["generation": "x", "model_name": "m1"]]
        let second: [Row] = [["generation": "y", "model_name": "m2"]]
        let step = GroupColumns(["generation", "model_name"])
        #expect(step.outputs == ["grouped_generation", "grouped_model_name"])
        let output = try await step.process([first, second], context: testContext)
        #expect(output == [["grouped_generation": ["x", "y"], "grouped_model_name": ["m1", "m2"]]])
    }

    @Test func mergeColumnsConcatenatesLists() async throws {
        let rows: [Row] = [["id": 1, "a": ["x", "y"], "b": "z"]]
        let output = try await MergeColumns(["a", "b"], outputColumn: "all").process([rows], context: testContext)
        #expect(output == [["id": 1, "all": ["x", "y", "z"]]])
    }

    @Test func closureStepsRunTheirBodies() async throws {
        let upper = ClosureStep(typeName: "Upper", inputs: ["text"], outputs: ["upper"]) { rows, _ in
            rows.map { $0.merging(["upper": .string(($0["text"]?.stringValue ?? "").uppercased())]) }
        }
        #expect(try await upper.process([[["text": "hé"]]], context: testContext) == [["text": "hé", "upper": "HÉ"]])
        let generator = GeneratorClosureStep(typeName: "Squares", outputs: ["n"]) { offset, size in
            let end = min(offset + size, 5)
            return GeneratedBatch(rows: (offset..<end).map { ["n": .int(Int64($0 * $0))] }, isLast: end == 5)
        }
        let batch = try await generator.batch(offset: 3, size: 10, context: testContext)
        #expect(batch.rows == [["n": 9], ["n": 16]] && batch.isLast)
        let total = GlobalClosureStep(typeName: "Count", outputs: ["count"]) { rows, _ in
            [["count": .int(Int64(rows.count))]]
        }
        #expect(try await total.process([[["a": 1], ["a": 2]], [["a": 3]]], context: testContext) == [["count": 3]])
    }

    @Test func loadDataFromFileSystemReadsJSONLinesJSONAndCSV() async throws {
        try await withTemporaryDirectory { directory in
            let jsonl = directory.appendingPathComponent("a.jsonl")
            try "{\"instruction\":\"un\",\"n\":1}\n\n{\"instruction\":\"deux\",\"n\":2.5}\n".write(
                to: jsonl, atomically: true, encoding: .utf8)
            let json = directory.appendingPathComponent("b.json")
            try #"[{"instruction":"trois","n":3}]"#.write(to: json, atomically: true, encoding: .utf8)
            let csv = directory.appendingPathComponent("c.csv")
            try "instruction,n\n\"quatre, \"\"4\"\"\",4\ncinq,\n".write(to: csv, atomically: true, encoding: .utf8)

            var step = LoadDataFromFileSystem(dataFiles: [jsonl.path, json.path, csv.path])
            #expect(step.outputs == ["instruction", "n"])
            try await step.load(context: testContext)
            let batch = try await step.batch(offset: 0, size: 10, context: testContext)
            #expect(
                batch.rows == [
                    ["instruction": "un", "n": 1], ["instruction": "deux", "n": 2.5], ["instruction": "trois", "n": 3],
                    ["instruction": "quatre, \"4\"", "n": 4], ["instruction": "cinq", "n": nil],
                ])
            var globbed = LoadDataFromFileSystem(dataFiles: directory.path + "/*.json*")
            try await globbed.load(context: testContext)
            #expect(try await globbed.batch(offset: 0, size: 10, context: testContext).rows.count == 3)
            let before = try await step.dataFingerprint()
            try "{\"instruction\":\"changed\",\"n\":1}\n".write(to: jsonl, atomically: true, encoding: .utf8)
            #expect(try await step.dataFingerprint() != before)
        }
    }

    @Test func loadDataFromFileSystemNamesTheBadFileAndLine() async throws {
        try await withTemporaryDirectory { directory in
            let bad = directory.appendingPathComponent("bad.jsonl")
            try "{\"a\":1}\n{\"a\": }\n".write(to: bad, atomically: true, encoding: .utf8)
            // Lines are parsed when their batch is read: loading indexes them and checks only their braces.
            var step = LoadDataFromFileSystem(dataFiles: bad.path)
            try await step.load(context: testContext)
            #expect(try await step.batch(offset: 0, size: 1, context: testContext).rows == [["a": 1]])
            var message = ""
            do { _ = try await step.batch(offset: 1, size: 1, context: testContext) } catch { message = "\(error)" }
            #expect(message.contains("bad.jsonl', line 2"), "\(message)")
            var missing = LoadDataFromFileSystem(dataFiles: directory.path + "/nope.jsonl")
            let missingError = await #expect(throws: FileSystemDataError.self) {
                try await missing.load(context: testContext)
            }
            #expect("\(missingError!)".contains("nope.jsonl"))
        }
    }

    @Test func loadDataFromFileSystemReadsParquetWrittenByOtherLibraries() async throws {
        // Files written by Hugging Face `datasets` and polars, with the rows they hold in JSON Lines beside them.
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "shared/fixtures/parquet/samples")
        for name in ["hf_datasets_to_parquet", "polars_default"] {
            var expected = LoadDataFromFileSystem(
                dataFiles: samples.appendingPathComponent("\(name).expected.jsonl").path)
            try await expected.load(context: testContext)
            let expectedRows = try await expected.batch(offset: 0, size: 1_000_000, context: testContext).rows
            var step = LoadDataFromFileSystem(dataFiles: samples.path + "/\(name).parq*")
            #expect(step.outputs == expectedRows.first?.columns)
            try await step.load(context: testContext)
            #expect(step.totalRows == expectedRows.count)
            let first = try await step.batch(offset: 0, size: 3, context: testContext)
            #expect(first.rows == Array(expectedRows.prefix(3)), "\(name)")
            let rest = try await step.batch(offset: 3, size: 1_000_000, context: testContext)
            #expect(rest.isLast && rest.rows == Array(expectedRows.dropFirst(3)), "\(name)")
            var limited = LoadDataFromFileSystem(
                dataFiles: samples.appendingPathComponent("\(name).parquet").path, numExamples: 2)
            try await limited.load(context: testContext)
            #expect(limited.totalRows == 2)
        }
        try await withTemporaryDirectory { directory in
            let notParquet = directory.appendingPathComponent("broken.parquet")
            try "PAR1 not really".write(to: notParquet, atomically: true, encoding: .utf8)
            var step = LoadDataFromFileSystem(dataFiles: notParquet.path)
            let error = await #expect(throws: FileSystemDataError.self) { try await step.load(context: testContext) }
            #expect("\(error!)".contains("broken.parquet"))
        }
    }
}
