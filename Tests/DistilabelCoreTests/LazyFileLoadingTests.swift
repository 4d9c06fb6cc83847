import Distilabel
import DistilabelTesting
import Foundation
import Testing

/// `LoadDataFromFileSystem` reads lazily: every batch, at every offset, holds exactly the rows the eager reader
/// (``EagerFileReference``) read, in every format and corner of the formats.
@Suite struct LazyFileLoadingTests {
    /// Input files of every shape the readers know, by name.
    static let files: [String: String] = {
        var files: [String: String] = [:]
        var jsonl = ""
        for index in 0..<150 {
            jsonl += #"{"id": \#(index), "text": "row \#(index) é\t\"q\"", "n": \#(Double(index) / 4)}"#
            // Blank lines of every kind, CRLF line ends on some lines, and no newline after the last line.
            switch index % 9 {
            case 0: jsonl += "\n\n"
            case 1: jsonl += "\r\n"
            case 2: jsonl += "\n  \t \n"
            case 3: jsonl += "\n \r\n"
            default: jsonl += index == 149 ? "" : "\n"
            }
        }
        files["rows.jsonl"] = jsonl
        files["crlf.jsonl"] = (0..<70).map { #"{"id": \#($0), "more": [\#($0), {"k": null}]}"# + "\r\n" }.joined()
        files["empty.jsonl"] = ""
        files["blank.jsonl"] = "\n  \n\t\r\n\r"
        var csv = "id,text,score\r\n"
        for index in 0..<150 {
            switch index % 10 {
            case 0: csv += "\(index),\"several\nlines, and \"\"quotes\"\"\",\(index).5\r\n"
            case 1: csv += "\(index),,\n"
            case 2: csv += "\(index),\"\",1e3\n"
            default: csv += "\(index),plain \(index),-\(index)" + (index == 149 ? "" : "\n")
            }
        }
        files["rows.csv"] = csv
        files["single.csv"] = "name\nann\n\nbob\r\n\r\n\"\"\n"
        files["header_only.csv"] = "a,b\r\n"
        files["empty.csv"] = ""
        let objects = (0..<150).map { index in
            index % 50 < 25 ? #"{"id": \#(index), "a": "x\#(index)"}"# : #"{"id": \#(index), "b": [\#(index)]}"#
        }
        files["rows.json"] = "[" + objects.joined(separator: ",\n") + "]"
        files["empty.json"] = "[]"
        return files
    }()

    private func write(_ names: [String], to directory: URL) throws -> [String] {
        try names.map { name in
            let url = directory.appendingPathComponent(name)
            try Foundation.Data(Self.files[name]!.utf8).write(to: url)
            return url.path
        }
    }

    /// Checks every batch of `step` at every offset for each size against `expected`.
    private func expectEveryBatch(
        _ step: LoadDataFromFileSystem, equal expected: [Row], sizes: [Int], _ label: String
    ) async throws {
        for size in sizes {
            for offset in 0...(expected.count + 1) {
                let batch = try await step.batch(offset: offset, size: size, context: testContext)
                let end = min(offset + size, expected.count)
                let wanted = offset < expected.count ? Array(expected[offset..<end]) : []
                #expect(batch.rows == wanted, "\(label): offset \(offset), size \(size)")
                #expect(batch.isLast == (end >= expected.count), "\(label): offset \(offset), size \(size)")
            }
        }
    }

    @Test(arguments: [
        "rows.jsonl", "crlf.jsonl", "empty.jsonl", "blank.jsonl", "rows.csv", "single.csv", "header_only.csv",
        "empty.csv", "rows.json", "empty.json",
    ])
    func everyBatchEqualsTheEagerReading(name: String) async throws {
        try await withTemporaryDirectory { directory in
            let path = try write([name], to: directory)[0]
            let expected = try EagerFileReference.rows(path: path)
            var step = LoadDataFromFileSystem(dataFiles: path)
            #expect(step.outputs == (expected.first?.columns ?? []), "\(name)")
            try await step.load(context: testContext)
            #expect(step.totalRows == (expected.isEmpty ? nil : expected.count), "\(name)")
            try await expectEveryBatch(step, equal: expected, sizes: [1, 3, 64, 65, 200], name)
            for limit in Set([0, 1, 63, 64, 65, max(0, expected.count - 1), expected.count, expected.count + 3]) {
                var limited = LoadDataFromFileSystem(dataFiles: path, numExamples: limit)
                try await limited.load(context: testContext)
                let prefix = Array(expected.prefix(limit))
                #expect(limited.totalRows == (prefix.isEmpty ? nil : prefix.count), "\(name) limit \(limit)")
                try await expectEveryBatch(limited, equal: prefix, sizes: [7, 64], "\(name) limit \(limit)")
            }
        }
        // The files hold what they were meant to: the corner cases are really there.
        if name == "rows.jsonl" || name == "rows.csv" || name == "rows.json" {
            try await withTemporaryDirectory { directory in
                let path = try write([name], to: directory)[0]
                let rows = try EagerFileReference.rows(path: path)
                #expect(rows.map { $0["id"] } == (0..<150).map { .int(Int64($0)) })
            }
        }
    }

    @Test func severalFilesReadAsOneSequence() async throws {
        try await withTemporaryDirectory { directory in
            let names = ["rows.jsonl", "empty.jsonl", "rows.csv", "blank.jsonl", "rows.json", "single.csv"]
            let paths = try write(names, to: directory)
            let expected = try paths.flatMap { try EagerFileReference.rows(path: $0) }
            #expect(expected.count == 455)  // 150 + 150 + 150 + 5
            var step = LoadDataFromFileSystem(dataFiles: paths)
            try await step.load(context: testContext)
            #expect(step.totalRows == expected.count)
            try await expectEveryBatch(step, equal: expected, sizes: [7, 64, 1000], "several")
            for limit in [1, 150, 151, 299, 300, 301, 450, 454, 455, 500] {
                var limited = LoadDataFromFileSystem(dataFiles: paths, numExamples: limit)
                try await limited.load(context: testContext)
                try await expectEveryBatch(
                    limited, equal: Array(expected.prefix(limit)), sizes: [50], "several, limit \(limit)")
            }
        }
    }

    @Test func parquetBatchesReadOnlyTheirRowGroupsAndEqualAWholeRead() async throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "shared/fixtures/parquet/samples")
        // Three row groups of 10, 10 and 4 rows, and the same rows in one group.
        var single = LoadDataFromFileSystem(dataFiles: samples.appendingPathComponent("llm_default.parquet").path)
        try await single.load(context: testContext)
        let expected = try await single.batch(offset: 0, size: 1000, context: testContext).rows
        #expect(expected.count == 24)
        let path = samples.appendingPathComponent("llm_multi_rg_small_pages.parquet").path
        var step = LoadDataFromFileSystem(dataFiles: path)
        #expect(step.outputs == expected[0].columns)
        try await step.load(context: testContext)
        #expect(step.totalRows == 24)
        try await expectEveryBatch(step, equal: expected, sizes: [1, 7, 10, 11, 30], "multi row group")
        // Backwards too: a resumed run may ask for an earlier batch again.
        for offset in stride(from: 23, through: 0, by: -1) {
            #expect(try await step.batch(offset: offset, size: 3, context: testContext).rows.first == expected[offset])
        }
        for limit in [0, 5, 10, 11, 24, 30] {
            var limited = LoadDataFromFileSystem(dataFiles: path, numExamples: limit)
            try await limited.load(context: testContext)
            try await expectEveryBatch(limited, equal: Array(expected.prefix(limit)), sizes: [4], "limit \(limit)")
        }
        await step.unload()
        #expect(try await step.batch(offset: 12, size: 2, context: testContext).rows == Array(expected[12..<14]))
    }

    @Test func aMisshapenRecordIsReportedAtLoadWithItsFileAndLine() async throws {
        try await withTemporaryDirectory { directory in
            // 200 rows on lines 1-201 (line 3 is blank); line 182, row 180, is cut short.
            var lines = (0..<200).map { #"{"id": \#($0), "instruction": "task \#($0)"}"# }
            lines[180] = #"{"id": 180, "instruction": "#
            lines.insert("", at: 2)
            let cut = directory.appendingPathComponent("cut.jsonl")
            try Foundation.Data((lines.joined(separator: "\n") + "\n").utf8).write(to: cut)
            var message = ""
            var step = LoadDataFromFileSystem(dataFiles: cut.path)
            do { try await step.load(context: testContext) } catch { message = "\(error)" }
            #expect(message.contains("cut.jsonl', line 182: expected a JSON object"), "\(message)")
            #expect(message.contains("ending with ':'"), "\(message)")

            // A line that is not an object at all, and an object split across two lines.
            for (index, (text, expected)) in [
                (#"["id", 7]"#, "line 3: expected a JSON object, found a line starting with '['"),
                ("{\"id\": 1,\n\"x\": 2}", "line 3: expected a JSON object, found a line ending with ','"),
            ].enumerated() {
                let file = directory.appendingPathComponent("shape-\(index).jsonl")
                try Foundation.Data((#"{"id": 0}"# + "\n\n" + text + "\n").utf8).write(to: file)
                var shaped = LoadDataFromFileSystem(dataFiles: file.path)
                message = ""
                do { try await shaped.load(context: testContext) } catch { message = "\(error)" }
                #expect(message.contains("shape-\(index).jsonl', \(expected)"), "\(message)")
            }

            // A CSV record with a missing field, after a quoted field with a comma that spans two lines.
            let csv = directory.appendingPathComponent("bad.csv")
            let records = (0..<100).map { $0 == 5 ? "5,\"two,\nlines\"" : $0 == 90 ? "90" : "\($0),x" }
            try Foundation.Data(("id,text\n" + records.joined(separator: "\n")).utf8).write(to: csv)
            var csvStep = LoadDataFromFileSystem(dataFiles: csv.path)
            message = ""
            do { try await csvStep.load(context: testContext) } catch { message = "\(error)" }
            #expect(message.contains("bad.csv', line 93: expected 2 fields, found 1"), "\(message)")

            // Through a pipeline, the error names the step, the file and the line, and comes before any batch.
            message = try await Self.pipelineError(reading: cut)
            #expect(message.hasPrefix("Step 'load' could not load: ") && message.contains("cut.jsonl', line 182"))
        }
    }

    @Test func aBadObjectInALateBatchNamesTheFileAndTheLine() async throws {
        try await withTemporaryDirectory { directory in
            // The braces are there, so loading passes; the JSON inside line 182 (row 180) is broken.
            var lines = (0..<200).map { #"{"id": \#($0), "instruction": "task \#($0)"}"# }
            lines[180] = #"{"id": 180, "instruction": }"#
            lines.insert("", at: 2)
            let bad = directory.appendingPathComponent("bad.jsonl")
            try Foundation.Data((lines.joined(separator: "\n") + "\n").utf8).write(to: bad)
            var step = LoadDataFromFileSystem(dataFiles: bad.path)
            try await step.load(context: testContext)
            #expect(step.totalRows == 200)
            for offset in stride(from: 0, to: 150, by: 50) {
                #expect(try await step.batch(offset: offset, size: 50, context: testContext).rows.count == 50)
            }
            var message = ""
            do { _ = try await step.batch(offset: 150, size: 50, context: testContext) } catch { message = "\(error)" }
            #expect(message.contains("bad.jsonl', line 182"), "\(message)")

            // Through a pipeline, the error names the step, the batch, the file and the line.
            message = try await Self.pipelineError(reading: bad)
            #expect(message.hasPrefix("Generator step 'load' failed on batch 3: ") && message.contains("line 182"))
        }
    }

    /// The error of a pipeline reading `file` in batches of 50, as it reads.
    static func pipelineError(reading file: URL) async throws -> String {
        let pipeline = try Pipeline(name: "bad-file") { p in
            p.add(LoadDataFromFileSystem(dataFiles: file.path), name: "load", batchSize: 50)
                >>> p.add(KeepColumns(["id"]), name: "keep")
        }
        do {
            _ = try await pipeline.run(store: InMemoryExecutionStore(), options: RunOptions(logger: quietLogger))
        } catch {
            return "\(error)"
        }
        return "no error"
    }
}
