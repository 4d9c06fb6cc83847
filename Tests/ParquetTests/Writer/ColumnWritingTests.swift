import Foundation
import PropertyBased
import Testing

@testable import Parquet

/// ``ParquetFileWriter/write(columns:)``: columns read back from a file and written again give the same rows, on
/// random nested schemas and across pages, dictionaries and codecs; hand-built columns hold exactly the rows they
/// describe; malformed columns are refused with the column's name; pyarrow, duckdb, polars and `datasets` read the
/// files.
@Suite struct ColumnWritingTests {
    /// Writes `rows` with the row path, reads every leaf column of every row group, writes those columns to a
    /// second file with `options` and returns the rows of both files.
    static func rewriteThroughColumns(
        _ rows: [ParquetRecord], schema: [ParquetField], rowOptions: ParquetWriterOptions,
        columnOptions: ParquetWriterOptions, name: String
    ) throws -> (rows: [ParquetRecord], throughColumns: [ParquetRecord], columnFile: URL) {
        let rowFile = try TemporaryDirectory.shared.file("\(name)-rows.parquet")
        let columnFile = try TemporaryDirectory.shared.file("\(name)-columns.parquet")
        defer { try? FileManager.default.removeItem(at: rowFile) }
        try ParquetFileWriter.write(to: rowFile, schema: schema, options: rowOptions) { try $0.write(rows: rows) }
        let reader = try ParquetFileReader(path: rowFile.path)
        try ParquetFileWriter.write(to: columnFile, schema: schema, options: columnOptions) { writer in
            for group in 0..<reader.rowGroupCount {
                try writer.write(
                    columns: reader.leafColumnPaths.map { try reader.readColumn(rowGroup: group, path: $0) })
            }
        }
        return (try reader.readAllRows(), try ParquetFileReader(path: columnFile.path).readAllRows(), columnFile)
    }

    @Test func randomNestedColumnsRoundTrip() async throws {
        await propertyCheck(count: 100, input: Gen.uint64(), Gen<ParquetCompression>.case, Gen.bool) {
            seed, compression, useV2 in
            var rng = SplitMix64(seed: seed)
            let schema = RandomSchema.fields(&rng)
            let rows = (0..<Int.random(in: 0...90, using: &rng)).map { _ in RandomSchema.row(schema, &rng) }
            let rowOptions = ParquetWriterOptions(rowGroupRowLimit: Int.random(in: 1...40, using: &rng))
            var options = ParquetWriterOptions(
                compression: compression, dataPageVersion: useV2 ? .v2 : .v1, dictionary: Bool.random(using: &rng))
            options.dataPageSize = [64, 512, 1 << 20].randomElement(using: &rng)!
            options.dictionaryPageSizeLimit = [16, 256, 1 << 20].randomElement(using: &rng)!
            let result = try Self.rewriteThroughColumns(
                rows, schema: schema, rowOptions: rowOptions, columnOptions: options, name: "random-\(seed)")
            defer { try? FileManager.default.removeItem(at: result.columnFile) }
            #expect(result.rows == rows, "seed \(seed)")
            #expect(result.throughColumns.count == rows.count, "seed \(seed)")
            if let index = rows.indices.first(where: {
                $0 < result.throughColumns.count && result.throughColumns[$0] != rows[$0]
            }) {
                Issue.record(
                    "seed \(seed) row \(index):\n read  \(result.throughColumns[index])\n wrote \(rows[index])")
            }
        }
    }

    static let edgeSchema = [
        ParquetField("id", .int64, isNullable: false), ParquetField("text", .string), ParquetField("nothing", .null),
        ParquetField("numbers", .list(ParquetField("element", .int64))),
        ParquetField(
            "meta",
            .record([ParquetField("flag", .bool), ParquetField("tags", .list(ParquetField("element", .string)))])),
    ]

    @Test func handBuiltColumnsHoldTheirRows() throws {
        // Rows: id 0..3; text "", null, "héllo ✓", "x"; numbers [], null, [null, 7], [8, 9]; meta null,
        // {flag: null, tags: []}, {flag: true, tags: [null, "ü"]}, {flag: false, tags: null}.
        var columns = try ParquetFileWriter.emptyColumns(for: Self.edgeSchema)
        #expect(
            columns.map(\.path) == [
                ["id"], ["text"], ["nothing"], ["numbers", "list", "element"], ["meta", "flag"],
                ["meta", "tags", "list", "element"],
            ])
        columns[0].values = .int64([0, 1, 2, 3])
        columns[0].entryCount = 4
        columns[1].definitionLevels = [1, 0, 1, 1]
        columns[1].entryCount = 4
        let strings = ["", "héllo ✓", "x"]
        columns[1].values = .byteArrays(bytes: Array(strings.joined().utf8), offsets: Self.offsets(strings))
        columns[2].definitionLevels = [0, 0, 0, 0]
        columns[2].entryCount = 4
        // numbers: [] (def 1), null (0), [null, 7] (2, 3 with rep 0, 1), [8, 9] (3, 3).
        columns[3].definitionLevels = [1, 0, 2, 3, 3, 3]
        columns[3].repetitionLevels = [0, 0, 0, 1, 0, 1]
        columns[3].entryCount = 6
        columns[3].values = .int64([7, 8, 9])
        // meta.flag: meta null (0), flag null (1), true (2), false (2).
        columns[4].definitionLevels = [0, 1, 2, 2]
        columns[4].entryCount = 4
        columns[4].values = .boolean([true, false])
        // meta.tags.element: meta null (0), [] (2), [null, "ü"] (3, 4), tags null (1).
        columns[5].definitionLevels = [0, 2, 3, 4, 1]
        columns[5].repetitionLevels = [0, 0, 0, 1, 0]
        columns[5].entryCount = 5
        columns[5].values = .byteArrays(bytes: Array("ü".utf8), offsets: [0, 2])
        var options = ParquetWriterOptions()
        options.dataPageSize = 8  // a page per row or so
        let url = try TemporaryDirectory.shared.file("hand-built-columns.parquet")
        defer { try? FileManager.default.removeItem(at: url) }
        try ParquetFileWriter.write(to: url, schema: Self.edgeSchema, options: options) { writer in
            try writer.write(columns: columns)
            try writer.write(columns: columns)
        }
        let reader = try ParquetFileReader(path: url.path)
        #expect(reader.rowGroupCount == 2)
        let names = ["id", "text", "nothing", "numbers", "meta"]
        func meta(_ flag: ParquetValue, _ tags: ParquetValue) -> ParquetValue {
            .record(ParquetRecord(names: ["flag", "tags"], values: [flag, tags]))
        }
        let expected = [
            ParquetRecord(names: names, values: [.int(0), .string(""), .null, .list([]), .null]),
            ParquetRecord(names: names, values: [.int(1), .null, .null, .null, meta(.null, .list([]))]),
            ParquetRecord(
                names: names,
                values: [
                    .int(2), .string("héllo ✓"), .null, .list([.null, .int(7)]),
                    meta(.bool(true), .list([.null, .string("ü")])),
                ]),
            ParquetRecord(
                names: names,
                values: [.int(3), .string("x"), .null, .list([.int(8), .int(9)]), meta(.bool(false), .null)]),
        ]
        #expect(try reader.readAllRows() == expected + expected)
        for (index, path) in reader.leafColumnPaths.enumerated() {
            var read = try reader.readColumn(rowGroup: 1, path: path)
            if read.maxDefinitionLevel == 0 { read.definitionLevels = [] }
            #expect(read == columns[index], "\(path)")
        }
    }

    @Test func rowsBeforeColumnsCloseTheirOwnRowGroup() throws {
        let schema = [ParquetField("n", .int32)]
        var columns = try ParquetFileWriter.emptyColumns(for: schema)
        columns[0] = ParquetColumn(
            path: ["n"], physicalType: .int32, maxDefinitionLevel: 1, maxRepetitionLevel: 0,
            definitionLevels: [1, 0], repetitionLevels: [], values: .int32([5]))
        let url = try TemporaryDirectory.shared.file("rows-then-columns.parquet")
        defer { try? FileManager.default.removeItem(at: url) }
        try ParquetFileWriter.write(to: url, schema: schema) { writer in
            try writer.write(row: ParquetRecord(names: ["n"], values: [.int(1)]))
            try writer.write(columns: columns)
            try writer.write(row: ParquetRecord(names: ["n"], values: [.int(2)]))
        }
        let reader = try ParquetFileReader(path: url.path)
        #expect(reader.rowGroupCount == 3)
        #expect(try reader.readAllRows().map { $0.values[0] } == [.int(1), .int(5), .null, .int(2)])
    }

    @Test func malformedColumnsAreRefusedWithTheirName() throws {
        let schema = Self.edgeSchema
        let good = try ParquetFileWriter.emptyColumns(for: schema)
        func refusal(_ edit: (inout [ParquetColumn]) -> Void, explicitSchema: Bool = true) -> String? {
            var columns = good
            edit(&columns)
            let url = try? TemporaryDirectory.shared.file("refused-\(UUID().uuidString).parquet")
            do {
                try ParquetFileWriter.write(to: url!, schema: explicitSchema ? schema : nil) { writer in
                    try writer.write(columns: columns)
                }
                return nil
            } catch {
                #expect(!FileManager.default.fileExists(atPath: url!.path))
                return "\(error)"
            }
        }
        #expect(refusal({ _ in }) == nil)
        #expect(refusal({ _ in }, explicitSchema: false)?.contains("needs the writer's schema") == true)
        #expect(refusal { $0.swapAt(0, 1) }?.contains("leaf order") == true)
        #expect(refusal { $0.removeLast() }?.contains("6 leaf columns but 5") == true)
        #expect(
            refusal {
                $0[1].definitionLevels = [1]
                $0[1].entryCount = 1
            }?.contains("text") == true)
        #expect(
            refusal {
                $0[1].definitionLevels = [2]
                $0[1].entryCount = 1
                $0[1].values = .byteArrays(bytes: [], offsets: [0, 0])
            }?.contains("exceeds the maximum") == true)
        #expect(
            refusal {
                $0[0].values = .int64([1])
                $0[0].entryCount = 1
                $0[1].definitionLevels = [1]
                $0[1].entryCount = 1
                $0[1].values = .byteArrays(bytes: [0xC3, 0x28], offsets: [0, 2])
            }?.contains("not valid UTF-8") == true)
        #expect(
            refusal {
                $0[0].values = .int32([1])
                $0[0].entryCount = 1
            }?.contains("stores INT64 but its values are INT32") == true)
        #expect(
            refusal {
                $0[3].definitionLevels = [3]
                $0[3].repetitionLevels = [1]
                $0[3].entryCount = 1
                $0[3].values = .int64([1])
            }?.contains("first repetition level") == true)
        #expect(
            refusal {
                $0[0].values = .int64([1, 2])
                $0[0].entryCount = 2
            }?.contains("holds 0 rows but id holds 2") == true)
    }

    @Test func librariesReadWhatTheColumnAPIWrites() throws {
        guard PythonTools.require() else { return }
        let rows = SampleRows.llm(count: 300)
        let schema = try ParquetField.inferredSchema(from: rows)
        var options = ParquetWriterOptions(rowGroupRowLimit: 128, dataPageVersion: .v2, huggingfaceFeatures: true)
        options.dataPageSize = 2048
        let result = try Self.rewriteThroughColumns(
            rows, schema: schema, rowOptions: ParquetWriterOptions(rowGroupRowLimit: 100), columnOptions: options,
            name: "interop-columns")
        defer { try? FileManager.default.removeItem(at: result.columnFile) }
        #expect(result.throughColumns == rows)
        let output = try PythonTools.run("read_with_libraries.py", [result.columnFile.path])
        let decoded = try JSONDecoder().decode([String: InteropJSON].self, from: Foundation.Data(output.utf8))
        let expected = rows.map { InteropJSON(normalising: .record($0)) }
        for library in ["pyarrow", "duckdb", "polars", "datasets"] {
            guard case .array(let actual) = try #require(decoded[library], "\(library) printed no rows") else {
                Issue.record("\(library): not a list")
                continue
            }
            #expect(actual.count == expected.count, "\(library)")
            for (index, (got, want)) in zip(actual, expected).enumerated() where got != want {
                Issue.record("\(library) row \(index):\n got  \(got)\n want \(want)")
                break
            }
        }
    }

    @Test func utf8CheckAgreesWithTheStandardLibrary() async throws {
        // Bytes drawn mostly from lead and continuation ranges, so that most sequences are near-valid UTF-8.
        let interesting: [UInt8] = [
            0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1,
            0xF4, 0xF5, 0xFF,
        ]
        await propertyCheck(count: 2000, input: Gen.uint64()) { seed in
            var rng = SplitMix64(seed: seed)
            let bytes = (0..<Int.random(in: 0...24, using: &rng)).map { _ in
                Bool.random(using: &rng)
                    ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) } == expected, "\(bytes)")
            // Split the bytes into values at random points: the first invalid value is the naive one.
            var offsets = [0]
            while offsets.last! < bytes.count {
                offsets.append(min(bytes.count, offsets.last! + Int.random(in: 0...4, using: &rng)))
            }
            let naive = (0..<(offsets.count - 1)).first {
                String(validating: bytes[offsets[$0]..<offsets[$0 + 1]], as: UTF8.self) == nil
            }
            #expect(ColumnBuffer.firstInvalidUTF8(bytes, offsets) == naive, "\(bytes) \(offsets)")
        }
        let text = Array("héllo ✓ 𝄞 — done".utf8)
        #expect(text.withUnsafeBufferPointer { UTF8Check.isValid($0) })
        // "é" split across two values: both halves are invalid on their own.
        #expect(ColumnBuffer.firstInvalidUTF8(Array("aé".utf8), [0, 2, 3]) == 0)
    }

    static func offsets(_ strings: [String]) -> [Int] {
        var offsets = [0]
        for string in strings { offsets.append(offsets.last! + string.utf8.count) }
        return offsets
    }
}
