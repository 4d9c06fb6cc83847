import Foundation
import Parquet
import Testing

/// Files written by pyarrow with every type the reader maps (signed and unsigned integers, FLOAT16, decimals on
/// INT32/INT64/FIXED, temporals in every unit, dictionary, null, nested lists, structs and maps) under several
/// writer options (v1/v2 pages, dictionary or not, small pages and row groups, delta and byte-stream-split
/// encodings, every supported codec) are read back to pyarrow's rows.
@Suite struct PyarrowTypesTests {
    @Test func pyarrowWrittenTypesReadBackExactly() throws {
        guard PythonTools.require() else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try PythonTools.run("reader_types.py", [directory.path]).split(separator: "\n").map(String.init)
        #expect(files.count == 5)
        let expected = try JSONValue.lines(of: directory.appendingPathComponent("types.expected.jsonl"))
        #expect(expected.count == 60)
        for file in files {
            let reader = try ParquetFileReader(path: directory.appendingPathComponent(file).path)
            let rows = try reader.readAllRows()
            #expect(rows.count == expected.count, "\(file)")
            var problems: [String] = []
            for (index, (row, wanted)) in zip(rows, expected).enumerated() {
                guard case .object(let object) = wanted else { continue }
                if let problem = ExpectedValues.mismatch(row, object, at: "row \(index)") { problems.append(problem) }
            }
            #expect(problems.isEmpty, "\(file): \(problems.count) rows differ; first: \(problems.prefix(3))")
        }
    }
}
