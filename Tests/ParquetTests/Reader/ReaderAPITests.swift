import Foundation
import Parquet
import Testing

@Suite struct ReaderAPITests {
    static func path(_ relative: String) -> String { Fixtures.root.appendingPathComponent(relative).path }

    @Test func readsRowGroupByRowGroup() throws {
        let reader = try ParquetFileReader(path: Self.path("samples/llm_multi_rg_small_pages.parquet"))
        #expect(reader.rowGroupCount == 3)
        #expect(reader.rowCount == 24)
        var rows: [ParquetRecord] = []
        for group in 0..<reader.rowGroupCount {
            let part = try reader.readRows(rowGroup: group)
            #expect(part.count == Int(reader.metadata.rowGroups[group].numRows))
            rows += part
        }
        #expect(rows == (try reader.readAllRows()))
        #expect(rows.map { $0["id"] } == (0..<24).map { .int(Int64($0)) })
    }

    @Test func projectsTopLevelColumnsInTheRequestedOrder() throws {
        let reader = try ParquetFileReader(path: Self.path("samples/llm_snappy.parquet"))
        let full = try reader.readAllRows()
        let projected = try reader.readAllRows(columns: ["messages", "id"])
        #expect(projected.count == full.count)
        for (row, whole) in zip(projected, full) {
            #expect(row.names == ["messages", "id"])
            #expect(row["messages"] == whole["messages"])
            #expect(row["id"] == whole["id"])
        }
    }

    @Test func unknownColumnsAndRowGroupsThrowDescriptiveErrors() throws {
        let path = Self.path("samples/llm_none.parquet")
        let reader = try ParquetFileReader(path: path)
        let unknown = #expect(throws: ParquetError.self) { try reader.readRows(rowGroup: 0, columns: ["nope"]) }
        #expect(unknown?.description == "\(path): no column named 'nope' in the file's schema")
        let outOfRange = #expect(throws: ParquetError.self) { try reader.readRows(rowGroup: 5) }
        #expect(outOfRange?.description.contains("row group 5 does not exist (the file has 1)") == true)
    }

    @Test func missingAndNonParquetFilesThrow() throws {
        let missing = #expect(throws: ParquetError.self) { try ParquetFileReader(path: "/nonexistent/x.parquet") }
        #expect(missing?.description.contains("open failed for /nonexistent/x.parquet") == true)
        let notParquet = #expect(throws: ParquetError.self) {
            try ParquetFileReader(path: Self.path("parquet-testing/delta_byte_array_expect.csv"))
        }
        #expect(notParquet?.description.contains("not a Parquet file") == true)
    }

    @Test func exposesKeyValueAndHuggingFaceMetadata() throws {
        let reader = try ParquetFileReader(path: Self.path("samples/hf_datasets_to_parquet.parquet"))
        let features = try #require(reader.huggingfaceMetadata)
        #expect(features.contains("\"features\""))
        #expect(reader.keyValueMetadata.keys.contains("ARROW:schema"))
        let plain = try ParquetFileReader(path: Self.path("samples/min_uncompressed.parquet"))
        #expect(plain.huggingfaceMetadata == nil)
        #expect(plain.metadata.createdBy == "minwriter research probe")
    }

    @Test func schemaTreeCarriesLevelsAndTypes() throws {
        let reader = try ParquetFileReader(path: Self.path("samples/llm_none.parquet"))
        let schema = reader.schema
        let messages = try #require(schema.field(named: "messages"))
        #expect(messages.logicalType == .list)
        #expect(messages.repetition == .optional)
        let role = try #require(schema.leaves.first { $0.path == ["messages", "list", "element", "role"] })
        #expect(role.maxDefinitionLevel == 4)
        #expect(role.maxRepetitionLevel == 1)
        #expect(role.physicalType == .byteArray)
        #expect(role.logicalType == .string)
        let created = try #require(schema.field(named: "created_at"))
        #expect(created.logicalType == .timestamp(isAdjustedToUTC: true, unit: .micros))
        #expect(schema.leaves.count == reader.metadata.rowGroups[0].columns.count)
        #expect(schema.leaves.enumerated().allSatisfy { $0.element.leafIndex == $0.offset })
    }

    @Test func polarsRootWithoutRepetitionTypeIsRequired() throws {
        let reader = try ParquetFileReader(path: Self.path("samples/polars_default.parquet"))
        #expect(reader.metadata.schema[0].repetitionType == nil)
        #expect(reader.schema.root.repetition == .required)
        #expect(try reader.readAllRows().count == 24)
    }

    @Test func withReaderPassesTheReaderThrough() throws {
        let count = try ParquetFileReader.withReader(path: Self.path("samples/min_uncompressed.parquet")) { reader in
            try reader.readAllRows(columns: ["id"]).count
        }
        #expect(count == 12)
    }

    @Test func emptyFileHasARowGroupWithoutRows() throws {
        let reader = try ParquetFileReader(path: Self.path("samples/llm_empty.parquet"))
        #expect(reader.rowGroupCount == 1)
        #expect(try reader.readRows(rowGroup: 0).isEmpty)
        #expect(reader.columnNames.count == 18)
    }
}

@Suite struct ReaderConvenienceTests {
    @Test func forEachRowVisitsEveryRowInOrder() throws {
        let reader = try ParquetFileReader(path: ReaderAPITests.path("samples/llm_multi_rg_small_pages.parquet"))
        var ids: [ParquetValue] = []
        try reader.forEachRow(columns: ["id"]) { row in ids.append(row["id"] ?? .null) }
        #expect(ids == (0..<24).map { .int(Int64($0)) })
    }

    @Test func schemaDescriptionShowsTheTree() throws {
        let reader = try ParquetFileReader(path: ReaderAPITests.path("samples/duckdb_default.parquet"))
        let lines = reader.schema.description.split(separator: "\n").map(String.init)
        #expect(lines.first == "required group duckdb_schema")
        #expect(lines.contains("  optional int64 id (INT_64)"))
        #expect(lines.contains("  optional group generations (LIST)"))
        #expect(lines.contains("    repeated group list"))
        #expect(lines.contains("      optional byte_array element (UTF8)"))
        let arrow = try ParquetFileReader(path: ReaderAPITests.path("samples/llm_none.parquet")).schema.description
        #expect(arrow.contains("  optional int64 created_at (TIMESTAMP(MICROS, UTC))"))
        #expect(arrow.contains("  optional int32 all_null (UNKNOWN)"))
    }
}

@Suite struct ReaderConcurrencyTests {
    @Test func rowGroupsReadConcurrentlyMatchSequentialReads() async throws {
        let reader = try ParquetFileReader(path: ReaderAPITests.path("samples/llm_multi_rg_small_pages.parquet"))
        let sequential = try (0..<reader.rowGroupCount).map { try reader.readRows(rowGroup: $0) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, [ParquetRecord]).self) { group in
            for index in 0..<reader.rowGroupCount {
                group.addTask { (index, try reader.readRows(rowGroup: index)) }
            }
            var results = [[ParquetRecord]](repeating: [], count: reader.rowGroupCount)
            for try await (index, rows) in group { results[index] = rows }
            return results
        }
        #expect(concurrent == sequential)
    }

    @Test func aColumnRequestedTwiceIsReadOnce() throws {
        let reader = try ParquetFileReader(path: ReaderAPITests.path("samples/min_uncompressed.parquet"))
        let rows = try reader.readAllRows(columns: ["id", "id", "score"])
        #expect(rows.first?.names == ["id", "score"])
        #expect(rows.count == 12)
    }
}
