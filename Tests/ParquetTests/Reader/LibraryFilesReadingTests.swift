import Foundation
import Testing

@testable import Parquet

/// Files that pyarrow (several codecs and page versions), duckdb, polars and `datasets` write during the test, read
/// by our reader and compared value by value with what pyarrow reads from the same files.
@Suite struct LibraryFilesReadingTests {
    @Test func weReadWhatLibrariesWrite() throws {
        guard PythonTools.require() else { return }
        let folder = TemporaryDirectory.shared.url.appendingPathComponent("written-by-libraries")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = try PythonTools.run("write_with_libraries.py", [folder.path])
        let decoded = try JSONDecoder().decode([String: InteropJSON].self, from: Foundation.Data(output.utf8))
        let paths = try #require(decoded["paths"])
        guard case .object(let files) = paths else {
            Issue.record("no paths printed")
            return
        }
        #expect(files.count == 7)
        for (writer, pathValue) in files.sorted(by: { $0.key < $1.key }) {
            guard case .string(let path) = pathValue, case .array(let expected) = decoded[writer] else {
                Issue.record("\(writer): malformed script output")
                continue
            }
            let rows = try ParquetFileReader(path: path).readAllRows()
            #expect(rows.count == expected.count, "\(writer)")
            let actual = rows.map { InteropJSON(normalising: .record($0)) }
            if let index = actual.indices.first(where: { $0 < expected.count && actual[$0] != expected[$0] }) {
                Issue.record("\(writer) row \(index):\n ours    \(actual[index])\n pyarrow \(expected[index])")
            }
        }
    }
}
