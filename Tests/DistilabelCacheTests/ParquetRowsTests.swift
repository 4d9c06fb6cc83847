import Distilabel
import DistilabelTesting
import Foundation
import Parquet
import Testing

/// `ParquetRows`, the cache's segment writer: the same schema and the same file, byte for byte, as the row path
/// (`ValueConversion.record` then `ParquetFileWriter.write(rows:)`), on random rows with missing, reordered, null,
/// widening and nested columns.
@Suite struct ParquetRowsTests {
    /// Random rows over a few columns with one type family each, so that most sets unify.
    static func randomRows(seed: UInt64) -> [[Row]] {
        var rng = SplitMix64(seed: seed)
        func string() -> String {
            ["", "a", "héllo", "日本 🎉", "distilabel", String(repeating: "x", count: 70)].randomElement(using: &rng)!
        }
        func message() -> Value {
            .struct(Row(columns: ["role", "content"], values: [.string(string()), .string(string())]))
        }
        let families: [(String, () -> Value)] = [
            ("id", { .int(Int64.random(in: -1000...1000, using: &rng)) }),
            ("score", { Bool.random(using: &rng) ? .int(Int64.random(in: 0...9, using: &rng)) : .double(0.25) }),
            ("text", { .string(string()) }),
            ("flag", { .bool(Bool.random(using: &rng)) }),
            ("messages", { .list((0..<Int.random(in: 0...3, using: &rng)).map { _ in message() }) }),
            (
                "distilabel_metadata",
                {
                    .struct(
                        Row(
                            columns: ["raw_output", "tokens"],
                            values: [
                                Bool.random(using: &rng) ? .null : .string(string()),
                                .list((0..<Int.random(in: 0...2, using: &rng)).map { .int(Int64($0)) }),
                            ]))
                }
            ),
            ("nothing", { .null }),
        ]
        let chosen = families.filter { _ in Int.random(in: 0..<3, using: &rng) > 0 }
        let batchCount = Int.random(in: 1...4, using: &rng)
        return (0..<batchCount).map { _ in
            (0..<Int.random(in: 0...30, using: &rng)).map { _ in
                var pairs: [(String, Value)] = []
                for (name, make) in chosen {
                    let roll = Int.random(in: 0..<12, using: &rng)
                    if roll == 0 { continue }  // missing in this row
                    pairs.append((name, roll == 1 ? .null : make()))
                }
                if Int.random(in: 0..<8, using: &rng) == 0 { pairs.shuffle(using: &rng) }
                return Row(pairs)
            }
        }
    }

    static func rowPathBytes(_ batches: [[Row]], to url: URL) throws -> [UInt8] {
        try ParquetFileWriter.write(to: url) { writer in
            try writer.write(rows: batches.joined().map(ValueConversion.record))
        }
        return Array(try Data(contentsOf: url))
    }

    @Test(arguments: 0..<60)
    func sameFileAsTheRowPath(seed: Int) async throws {
        try await withTemporaryDirectory { directory in
            let batches = Self.randomRows(seed: UInt64(seed))
            let records = batches.joined().map(ValueConversion.record)
            #expect(try ParquetRows.schema(of: batches) == ParquetField.inferredSchema(from: records), "seed \(seed)")
            let rowPath = try Self.rowPathBytes(batches, to: directory.appendingPathComponent("rows.parquet"))
            let columns = directory.appendingPathComponent("columns.parquet")
            try ParquetRows.write(batches: batches, to: columns)
            #expect(Array(try Data(contentsOf: columns)) == rowPath, "seed \(seed)")
            let read = try ParquetFileReader(path: columns.path).readAllRows()
            #expect(read.count == records.count, "seed \(seed)")
        }
    }

    @Test func mixedTypesFailLikeTheRowPathNamingTheColumn() async throws {
        try await withTemporaryDirectory { directory in
            let rows: [Row] = [["id": .int(1), "label": .string("a")], ["id": .int(2), "label": .int(3)]]
            var message = "no error"
            do {
                try ParquetRows.write(rows, to: directory.appendingPathComponent("mixed.parquet"))
            } catch {
                message = "\(error)"
            }
            #expect(message.contains("label"), "\(message)")
            #expect(throws: (any Error).self) {
                try Self.rowPathBytes([rows], to: directory.appendingPathComponent("mixed-rows.parquet"))
            }
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("mixed.parquet").path))
        }
    }

    @Test func rowsWithoutColumnsKeepTheirCount() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("empty-rows.parquet")
            try ParquetRows.write([Row(), Row(), Row()], to: url)
            #expect(try ParquetFileReader(path: url.path).readAllRows().count == 3)
        }
    }
}
