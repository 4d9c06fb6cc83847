import Foundation
import Parquet
import Testing

/// Bad input never crashes or hangs: every truncation and a few thousand random corruptions of real files either
/// read or throw a ``ParquetError``.
@Suite struct CorruptInputTests {
    static let smallFixtures = [
        "samples/min_uncompressed.parquet", "samples/llm_nodict_none.parquet", "samples/llm_snappy.parquet",
        "samples/llm_v2pages.parquet", "samples/llm_delta_v26.parquet", "samples/llm_zstd.parquet",
        "samples/duckdb_default.parquet", "samples/fastparquet_default.parquet",
        "parquet-testing/nested_maps.snappy.parquet", "parquet-testing/nullable.impala.parquet",
        "parquet-testing/datapage_v2.snappy.parquet", "parquet-testing/delta_encoding_optional_column.parquet",
        "parquet-testing/byte_stream_split_extended.gzip.parquet", "parquet-testing/lz4_raw_compressed.parquet",
        "parquet-testing/float16_nonzeros_and_nans.parquet", "parquet-testing/old_list_structure.parquet",
    ]

    /// Writes `bytes` to a temporary file, reads it completely, and returns how it ended.
    static func outcome(of bytes: [UInt8], name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "parquet-corrupt-\(getpid())-\(UUID().uuidString)-\(name)")
        try Foundation.Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let reader = try ParquetFileReader(path: url.path)
            return "read \(try reader.readAllRows().count) rows"
        } catch let error as ParquetError {
            #expect(!error.description.isEmpty)
            return "threw"
        }
    }

    @Test(arguments: smallFixtures)
    func truncatedFilesThrow(path: String) throws {
        let bytes = try Fixtures.bytes(path)
        var cuts = Set([0, 1, 4, 8, 11, 12, bytes.count / 2, bytes.count - 9, bytes.count - 8, bytes.count - 1])
        for step in stride(from: 13, to: bytes.count, by: max(1, bytes.count / 40)) { cuts.insert(step) }
        for cut in cuts.sorted() where cut >= 0 && cut < bytes.count {
            let result = try Self.outcome(of: Array(bytes[..<cut]), name: "truncated")
            #expect(result == "threw", "cut at \(cut) of \(bytes.count)")
        }
    }

    @Test(arguments: smallFixtures)
    func randomCorruptionNeverCrashes(path: String) throws {
        let original = try Fixtures.bytes(path)
        var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: path.utf8.reduce(7) { $0 &* 31 &+ Int($1) }))
        var outcomes: [String: Int] = [:]
        for round in 0..<150 {
            var bytes = original
            let flips = 1 + Int(generator.next() % 4)
            for _ in 0..<flips {
                // Corrupt the data pages or the footer with equal chance.
                let footerStart = max(4, bytes.count - 8 - 400)
                let index =
                    generator.next() % 2 == 0
                    ? 4 + Int(generator.next() % UInt64(max(1, footerStart - 4)))
                    : footerStart + Int(generator.next() % UInt64(bytes.count - 8 - footerStart))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            outcomes[try Self.outcome(of: bytes, name: "fuzz-\(round)"), default: 0] += 1
        }
        #expect(outcomes.values.reduce(0, +) == 150)
    }
}
