import Foundation
import Testing

@testable import Parquet

/// ``ParquetFileReader/readColumn(rowGroup:path:)``: typed columns agree with the row path on every fixture, and
/// give the exact levels and values of the edge cases (empty strings, all-null columns, nested nulls, page and
/// dictionary boundaries).
@Suite struct ColumnReadingTests {
    static let readableFixtures = FixtureCase.all().filter {
        if case .failure = $0.expectation { return false }
        return true
    }

    @Test(arguments: readableFixtures)
    func typedColumnsMatchTheRowPath(fixture: FixtureCase) throws {
        let reader = try ParquetFileReader(path: Fixtures.root.appendingPathComponent(fixture.path).path)
        #expect(reader.leafColumnPaths.count == reader.schema.leaves.count)
        for group in 0..<reader.rowGroupCount {
            for (index, leaf) in reader.schema.leaves.enumerated() {
                let column = try reader.readColumn(rowGroup: group, path: leaf.path)
                if reader.metadata.rowGroups[group].numRows == 0 {
                    #expect(column.entryCount == 0 && column.values.count == 0)
                    continue
                }
                let rows = try reader.readColumn(index, in: reader.metadata.rowGroups[group])
                let name = "\(fixture.path) group \(group) column \(leaf.path.joined(separator: "."))"
                #expect(column.entryCount == rows.count, "\(name)")
                #expect(column.definitionLevels == rows.definitionLevels, "\(name)")
                #expect(column.repetitionLevels == rows.repetitionLevels, "\(name)")
                let converted = Self.values(column.values, leaf: leaf)
                #expect(converted.count == rows.values.count, "\(name)")
                if let at = converted.indices.first(where: {
                    $0 < rows.values.count && Self.differ(converted[$0], rows.values[$0])
                }) {
                    Issue.record("\(name) value \(at): typed \(converted[at]) rows \(rows.values[at])")
                }
            }
        }
    }

    @Test(arguments: [ParquetWriterOptions.DataPageVersion.v1, .v2], [true, false])
    func edgeCasesKeepTheirLevelsAndValues(version: ParquetWriterOptions.DataPageVersion, dictionary: Bool) throws {
        let schema = [
            ParquetField("text", .string), ParquetField("nothing", .null),
            ParquetField("numbers", .list(ParquetField("element", .int64))), ParquetField("score", .double),
        ]
        // Each 4-row block: "", null text; [], null list, [null, 1], [2]; pages of 64 bytes split the blocks.
        let block: [ParquetRecord] = [
            ParquetRecord(names: ["text", "numbers"], values: [.string(""), .list([])]),
            ParquetRecord(names: ["text", "numbers", "score"], values: [.null, .null, .double(1.5)]),
            ParquetRecord(names: ["text", "numbers"], values: [.string("é"), .list([.null, .int(1)])]),
            ParquetRecord(
                names: ["text", "numbers", "score"], values: [.string(""), .list([.int(2)]), .double(-0.0)]),
        ]
        let blocks = 300
        var options = ParquetWriterOptions(dataPageVersion: version, dictionary: dictionary)
        options.dataPageSize = 64
        options.dictionaryPageSizeLimit = 8
        let url = try TemporaryDirectory.shared.file("columns-\(version)-\(dictionary).parquet")
        defer { try? FileManager.default.removeItem(at: url) }
        try ParquetFileWriter.write(to: url, schema: schema, options: options) { writer in
            for _ in 0..<blocks { try writer.write(rows: block) }
        }
        let reader = try ParquetFileReader(path: url.path)
        try #require(reader.rowGroupCount == 1)
        #expect(reader.leafColumnPaths == [["text"], ["nothing"], ["numbers", "list", "element"], ["score"]])

        let text = try reader.readColumn(rowGroup: 0, path: ["text"])
        #expect(text.definitionLevels == Array(repeating: [1, 0, 1, 1], count: blocks).flatMap { $0 })
        #expect(text.repetitionLevels.isEmpty && text.entryCount == 4 * blocks)
        let strings = Array(repeating: ["", "é", ""], count: blocks).flatMap { $0 }
        #expect(text.values == .byteArrays(bytes: Array(strings.joined().utf8), offsets: Self.offsets(strings)))

        let nothing = try reader.readColumn(rowGroup: 0, path: ["nothing"])
        #expect(nothing.definitionLevels == Array(repeating: 0, count: 4 * blocks))
        #expect(nothing.values.count == 0)

        let numbers = try reader.readColumn(rowGroup: 0, path: ["numbers", "list", "element"])
        #expect(numbers.maxDefinitionLevel == 3 && numbers.maxRepetitionLevel == 1)
        #expect(numbers.definitionLevels == Array(repeating: [1, 0, 2, 3, 3], count: blocks).flatMap { $0 })
        #expect(numbers.repetitionLevels == Array(repeating: [0, 0, 0, 1, 0], count: blocks).flatMap { $0 })
        #expect(numbers.values == .int64(Array(repeating: [1, 2], count: blocks).flatMap { $0 }))

        let score = try reader.readColumn(rowGroup: 0, path: ["score"])
        guard case .double(let scores) = score.values else {
            Issue.record("score is not a double column: \(score.values)")
            return
        }
        #expect(
            scores.map(\.bitPattern) == Array(repeating: [1.5, -0.0], count: blocks).flatMap { $0 }.map(\.bitPattern))
    }

    @Test func unknownPathsAndRowGroupsThrowNamingTheFile() throws {
        let url = try TemporaryDirectory.shared.file("columns-errors.parquet")
        defer { try? FileManager.default.removeItem(at: url) }
        try ParquetFileWriter.write(to: url) { writer in
            try writer.write(rows: [ParquetRecord(names: ["a"], values: [.int(1)])])
        }
        let reader = try ParquetFileReader(path: url.path)
        #expect(try reader.readColumn(rowGroup: 0, path: ["a"]).values == .int64([1]))
        for (group, path) in [(0, ["b"]), (1, ["a"]), (0, [])] {
            do {
                _ = try reader.readColumn(rowGroup: group, path: path)
                Issue.record("reading \(path) of row group \(group) did not throw")
            } catch let error as ParquetError {
                #expect(error.description.contains(url.path))
            }
        }
    }

    static func offsets(_ strings: [String]) -> [Int] {
        var offsets = [0]
        for string in strings { offsets.append(offsets.last! + string.utf8.count) }
        return offsets
    }

    /// Typed values as the row path converts them.
    static func values(_ values: ParquetColumnValues, leaf: ParquetSchemaNode) -> [ParquetValue] {
        let converter = ValueConverter(leaf: leaf)
        switch values {
        case .boolean(let values): return values.map(converter.bool)
        case .int32(let values): return values.map(converter.int32)
        case .int64(let values): return values.map(converter.int64)
        case .float(let values): return values.map(converter.float)
        case .double(let values): return values.map(converter.double)
        case .byteArrays(let bytes, let offsets):
            return (0..<(offsets.count - 1)).map { index in
                let value = bytes[offsets[index]..<offsets[index + 1]]
                guard leaf.physicalType == .int96 else { return converter.bytes(value) }
                let raw = Array(value)
                let nanos = raw.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let day = raw.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self) }
                return converter.int96(nanosOfDay: nanos, julianDay: day)
            }
        }
    }

    /// Inequality that treats NaNs of the same kind as equal.
    static func differ(_ a: ParquetValue, _ b: ParquetValue) -> Bool {
        a != b && String(describing: a) != String(describing: b)
    }
}
