import Foundation
import Testing

/// One fixture file and what reading it must give.
struct FixtureCase: Sendable, CustomTestStringConvertible {
    enum Expectation: Sendable {
        /// Rows equal to a JSON-lines file (relative to ``Fixtures/root``).
        case rows(String)
        /// Only a row count (files whose JSON expectation is too large to store).
        case rowCount(Int)
        /// A ``ParquetError`` whose description contains the text.
        case failure(String)
    }

    let path: String
    let expectation: Expectation

    var testDescription: String { path }

    /// Files that must throw: encryption, unsupported codecs and the corrupt files under `bad_data/`.
    static let failures: [String: String] = [
        "parquet-testing/uniform_encryption.parquet.encrypted": "encrypted",
        "samples/llm_brotli.parquet": "unsupported codec BROTLI",
        "parquet-testing/hadoop_lz4_compressed.parquet": "unsupported codec LZ4",
        "parquet-testing/hadoop_lz4_compressed_larger.parquet": "unsupported codec LZ4",
        "parquet-testing/non_hadoop_lz4_compressed.parquet": "unsupported codec LZ4",
        "parquet-testing/bad_data/PARQUET-1481.parquet": "invalid physical column type",
        "parquet-testing/bad_data/ARROW-RS-GH-6229-DICTHEADER.parquet": "",
        "parquet-testing/bad_data/ARROW-RS-GH-6229-LEVELS.parquet": "",
        "parquet-testing/bad_data/ARROW-GH-41321.parquet": "",
        "parquet-testing/bad_data/ARROW-GH-41317.parquet": "",
        "parquet-testing/bad_data/ARROW-GH-45185.parquet": "repetition level",
        "parquet-testing/bad_data/ARROW-GH-47662.parquet": "",
    ]

    /// Rows whose pyarrow rendering is wrong (INT96 wrapped around the nanosecond range); checked separately.
    static let pyarrowWrapsRows: [String: Set<Int>] = ["parquet-testing/int96_from_spark.parquet": [2, 5]]

    /// Files pyarrow rejects but that this reader reads (a MAP with an optional key, written by Presto).
    static let lenientRowCounts: [String: Int] = ["parquet-testing/incorrect_map_schema.parquet": 1]

    static func all() -> [FixtureCase] {
        var cases: [FixtureCase] = []
        var pyarrowRows: [String: Int] = [:]
        if let index = try? JSONDecoder().decode(
            JSONValue.self,
            from: Foundation.Data(contentsOf: Fixtures.parquetTesting.appendingPathComponent("index.json"))),
            case .array(let entries) = index
        {
            for case .object(let entry) in entries {
                if case .string(let file) = entry["file"], case .object(let pyarrow) = entry["pyarrow"],
                    case .int(let rows) = pyarrow["rows"]
                {
                    pyarrowRows[file] = Int(rows)
                }
            }
        }
        for path in Fixtures.allParquetFiles() {
            let name = (path as NSString).lastPathComponent
            if let rows = lenientRowCounts[path] {
                cases.append(FixtureCase(path: path, expectation: .rowCount(rows)))
            } else if let text = failures[path] {
                cases.append(FixtureCase(path: path, expectation: .failure(text)))
            } else if path.hasPrefix("samples/") {
                let stem = name.replacingOccurrences(of: ".parquet", with: "")
                let expected =
                    stem.hasPrefix("llm_") ? "llm" : stem.hasPrefix("min_") ? "min_writer" : stem
                if stem == "llm_empty" {
                    cases.append(FixtureCase(path: path, expectation: .rowCount(0)))
                } else {
                    cases.append(FixtureCase(path: path, expectation: .rows("samples/\(expected).expected.jsonl")))
                }
            } else if FileManager.default.fileExists(
                atPath: Fixtures.parquetTesting.appendingPathComponent("expected/\(name).jsonl").path)
            {
                cases.append(FixtureCase(path: path, expectation: .rows("parquet-testing/expected/\(name).jsonl")))
            } else if let rows = pyarrowRows[String(path.dropFirst("parquet-testing/".count))] {
                cases.append(FixtureCase(path: path, expectation: .rowCount(rows)))
            } else {
                cases.append(FixtureCase(path: path, expectation: .failure("")))
            }
        }
        return cases
    }
}
