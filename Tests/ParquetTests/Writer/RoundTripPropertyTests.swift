import Foundation
import PropertyBased
import Testing

@testable import Parquet

/// Random nested schemas and rows, written and read back equal, across codecs, page versions, dictionary on/off,
/// tiny and large pages, dictionary fallback and row-group sizes.
@Suite struct RoundTripPropertyTests {
    @Test func randomNestedRowsRoundTrip() async throws {
        await propertyCheck(
            count: 150, input: Gen.uint64(), Gen<ParquetCompression>.case, Gen.bool, Gen.int(in: 1...40)
        ) { seed, compression, useV2, rowGroupRows in
            var rng = SplitMix64(seed: seed)
            let schema = RandomSchema.fields(&rng)
            let rows = (0..<Int.random(in: 0...90, using: &rng)).map { _ in RandomSchema.row(schema, &rng) }
            var options = ParquetWriterOptions(
                compression: compression, rowGroupRowLimit: rowGroupRows, dataPageVersion: useV2 ? .v2 : .v1,
                dictionary: Bool.random(using: &rng))
            options.dataPageSize = [64, 512, 1 << 20].randomElement(using: &rng)!
            options.dictionaryPageSizeLimit = [16, 256, 1 << 20].randomElement(using: &rng)!
            let explicit = Bool.random(using: &rng)
            let url = try TemporaryDirectory.shared.file("property-\(seed).parquet")
            defer { try? FileManager.default.removeItem(at: url) }
            try ParquetFileWriter.write(to: url, schema: explicit ? schema : nil, options: options) { writer in
                try writer.write(rows: rows)
            }
            let read = try ParquetFileReader(path: url.path).readAllRows()
            let expected = explicit ? rows : try Self.asInferred(rows)
            #expect(read.count == expected.count, "seed \(seed)")
            if let index = read.indices.first(where: { $0 < expected.count && read[$0] != expected[$0] }) {
                Issue.record(
                    "seed \(seed) row \(index):\n read  \(read[index])\n wrote \(expected[index])\nschema \(schema)")
            }
        }
    }

    /// Without an explicit schema, a field that is null in every row is stored as Arrow's null type and a struct
    /// keeps only the fields the rows name; rows are otherwise unchanged.
    static func asInferred(_ rows: [ParquetRecord]) throws -> [ParquetRecord] { rows }

    @Test func widenedTypesAndAddedFieldsAcrossBatchesRoundTrip() throws {
        let url = try TemporaryDirectory.shared.file("widened.parquet")
        try ParquetFileWriter.write(to: url, options: ParquetWriterOptions(rowGroupRowLimit: 1)) { writer in
            try writer.write(rows: [ParquetRecord(names: ["a"], values: [.int(1)])])
            try writer.write(rows: [ParquetRecord(names: ["a", "b"], values: [.double(2.5), .string("x")])])
        }
        let rows = try ParquetFileReader(path: url.path).readAllRows()
        #expect(
            rows == [
                ParquetRecord(names: ["a", "b"], values: [.double(1), .null]),
                ParquetRecord(names: ["a", "b"], values: [.double(2.5), .string("x")]),
            ])
    }

    /// `dictionaryDistinctRatioLimit`: mostly distinct chunks are written PLAIN, repetitive ones keep their
    /// dictionary, and without the limit every chunk under the size limit has one (pyarrow's behaviour).
    @Test func distinctRatioLimitDropsDictionariesOfMostlyUniqueChunks() throws {
        var rows: [ParquetRecord] = []
        for i in 0..<10_000 {
            let values: [ParquetValue] = [
                .int(Int64(i)), .string("text \(i)"), .string("model-\(i % 3)"), .double(Double(i % 600)),
                .int(i < 1024 ? Int64(i % 10) : Int64(i)),
            ]
            rows.append(ParquetRecord(names: ["id", "text", "model", "score", "late"], values: values))
        }
        func dictionaries(_ ratio: Double?) throws -> [Bool] {
            let url = try TemporaryDirectory.shared.file("distinct-\(ratio ?? 0).parquet")
            defer { try? FileManager.default.removeItem(at: url) }
            var options = ParquetWriterOptions()
            options.dictionaryDistinctRatioLimit = ratio
            try ParquetFileWriter.write(to: url, options: options) { try $0.write(rows: rows) }
            let reader = try ParquetFileReader(path: url.path)
            #expect(try reader.readAllRows() == rows)
            return reader.metadata.rowGroups[0].columns.compactMap(\.metaData).map { $0.dictionaryPageOffset != nil }
        }
        #expect(try dictionaries(nil) == [true, true, true, true, true])
        // score: 600 distinct of the first 1,024 values; late: 10 of the first 1,024, then 7,178 of 8,192.
        #expect(try dictionaries(0.5) == [false, false, true, false, false])
        #expect(try dictionaries(0.7) == [false, false, true, true, false])
    }

    @Test func statisticsAndEncodingsAreRecorded() throws {
        let url = try TemporaryDirectory.shared.file("stats.parquet")
        var rows: [ParquetRecord] = []
        for i in 0..<100 {
            let n: ParquetValue = i % 10 == 0 ? .null : .int(Int64(i - 50))
            let f: ParquetValue = .double(i == 3 ? .nan : 0)
            rows.append(ParquetRecord(names: ["n", "s", "f"], values: [n, .string("v\(i % 7)"), f]))
        }
        try ParquetFileWriter.write(to: url) { try $0.write(rows: rows) }
        let reader = try ParquetFileReader(path: url.path)
        let chunks = reader.metadata.rowGroups[0].columns.compactMap(\.metaData)
        let n = try #require(chunks[0].statistics)
        #expect(n.nullCount == 10)
        #expect(n.minValue == withUnsafeBytes(of: Int64(-49)) { Array($0) })
        #expect(n.maxValue == withUnsafeBytes(of: Int64(49)) { Array($0) })
        #expect(chunks[1].statistics?.minValue == Array("v0".utf8))
        #expect(chunks[1].statistics?.maxValue == Array("v6".utf8))
        #expect(chunks[1].encodings.contains(.rleDictionary))
        #expect(chunks[1].dictionaryPageOffset != nil)
        // Zero is stored as -0 for the minimum and +0 for the maximum; NaN is left out.
        #expect(chunks[2].statistics?.minValue == withUnsafeBytes(of: -0.0) { Array($0) })
        #expect(chunks[2].statistics?.maxValue == withUnsafeBytes(of: 0.0) { Array($0) })
        #expect(chunks.allSatisfy { $0.codec == .snappy })
        #expect(reader.metadata.columnOrders?.count == 3)
    }
}
