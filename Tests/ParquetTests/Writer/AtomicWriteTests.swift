import Foundation
import Testing

@testable import Parquet

@Suite struct AtomicWriteTests {
    struct Interrupted: Error {}

    func directory() throws -> URL {
        let url = TemporaryDirectory.shared.url.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aThrowingBodyLeavesNoFileAndNoTemporary() throws {
        let folder = try directory()
        let target = folder.appendingPathComponent("rows.parquet")
        #expect(throws: Interrupted.self) {
            try ParquetFileWriter.write(to: target) { writer in
                try writer.write(rows: SampleRows.llm(count: 10))
                throw Interrupted()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aFailedRewriteKeepsThePreviousFile() throws {
        let folder = try directory()
        let target = folder.appendingPathComponent("rows.parquet")
        try ParquetFileWriter.write(to: target) { try $0.write(rows: SampleRows.llm(count: 3)) }
        let before = try Foundation.Data(contentsOf: target)
        #expect(throws: Interrupted.self) {
            try ParquetFileWriter.write(to: target) { writer in
                try writer.write(rows: SampleRows.llm(count: 50))
                throw Interrupted()
            }
        }
        #expect(try Foundation.Data(contentsOf: target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rows.parquet"])
        let bytes = [UInt8](before)
        #expect(bytes.prefix(4).elementsEqual("PAR1".utf8) && bytes.suffix(4).elementsEqual("PAR1".utf8))
    }

    @Test func cancellationOfTheAsyncBodyRemovesTheTemporaryFile() async throws {
        let folder = try directory()
        let target = folder.appendingPathComponent("rows.parquet")
        let task = Task {
            try await ParquetFileWriter.write(to: target) { writer in
                try writer.write(rows: SampleRows.llm(count: 5))
                try await Task.sleep(for: .seconds(60))
            }
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func rowsThatDoNotFitAnExplicitSchemaThrow() throws {
        let folder = try directory()
        let schema = [ParquetField("id", .int64, isNullable: false), ParquetField("text", .string)]
        let cases: [(ParquetRecord, ParquetError)] = [
            (
                ParquetRecord(names: ["id"], values: [.null]),
                .schema(path: "id", reason: "the field is required but is null")
            ),
            (
                ParquetRecord(names: ["id", "text"], values: [.int(1), .int(2)]),
                .schema(path: "text", reason: "the schema says string but a row holds an int")
            ),
            (
                ParquetRecord(names: ["id", "other"], values: [.int(1), .int(2)]),
                .schema(path: "other", reason: "the field is not in the writer's schema")
            ),
        ]
        for (row, error) in cases {
            #expect(throws: error) {
                try ParquetFileWriter.write(to: folder.appendingPathComponent("bad.parquet"), schema: schema) {
                    try $0.write(row: row)
                }
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

@Suite struct EmptyFileTests {
    @Test func zeroRowsWithASchemaKeepTheColumns() throws {
        let url = try TemporaryDirectory.shared.file("empty-\(UUID().uuidString).parquet")
        let schema = [ParquetField("id", .int64), ParquetField("tags", .list(ParquetField("element", .string)))]
        try ParquetFileWriter.write(to: url, schema: schema) { _ in }
        let reader = try ParquetFileReader(path: url.path)
        #expect(reader.rowCount == 0)
        #expect(reader.columnNames == ["id", "tags"])
        #expect(try reader.readAllRows().isEmpty)
        if PythonTools.isAvailable {
            let output = try PythonTools.run("read_with_libraries.py", [url.path, "pyarrow", "duckdb", "polars"])
            #expect(output == #"{"pyarrow": [], "duckdb": [], "polars": []}"#)
        }
    }
}
