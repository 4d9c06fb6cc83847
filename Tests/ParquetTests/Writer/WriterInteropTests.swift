import Foundation
import Testing

@testable import Parquet

/// Files we write, read by pyarrow, duckdb, polars and `datasets` and compared value by value with what we wrote.
@Suite struct WriterInteropTests {
    static let configurations: [(ParquetCompression, ParquetWriterOptions.DataPageVersion, Bool)] = [
        (.snappy, .v1, true), (.zstd, .v2, true), (.gzip, .v1, false), (.uncompressed, .v2, false),
        (.lz4Raw, .v1, true),
    ]

    @Test(arguments: 0..<configurations.count)
    func librariesReadWhatWeWrite(configuration: Int) throws {
        guard PythonTools.require() else { return }
        let (compression, version, dictionary) = Self.configurations[configuration]
        let rows = SampleRows.llm(count: 300)
        var options = ParquetWriterOptions(
            compression: compression, rowGroupRowLimit: 128, dataPageVersion: version, dictionary: dictionary,
            huggingfaceFeatures: true)
        options.dataPageSize = 2048
        let url = try TemporaryDirectory.shared.file("interop-\(configuration).parquet")
        try ParquetFileWriter.write(to: url, options: options) { writer in try writer.write(rows: rows) }
        let output = try PythonTools.run("read_with_libraries.py", [url.path])
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
}

/// A per-process scratch directory, removed at exit by the OS's temporary-file cleaning.
final class TemporaryDirectory: Sendable {
    static let shared = TemporaryDirectory()
    let url: URL

    private init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("parquet-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) throws -> URL { url.appendingPathComponent(name) }
}
