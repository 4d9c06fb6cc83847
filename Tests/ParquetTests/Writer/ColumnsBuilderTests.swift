import Foundation
import PropertyBased
import Testing

@testable import Parquet

/// ``ParquetColumnsBuilder``: rows appended field by field give the file the row path writes, byte for byte, on
/// random nested schemas; typed appends convert as the row path does; bad input is refused with the field's name.
@Suite struct ColumnsBuilderTests {
    /// Appends each value with the typed call that fits it, or as a ``ParquetValue``.
    static func append(_ value: ParquetValue, field: Int, to builder: inout ParquetColumnsBuilder) throws {
        switch value {
        case .null: try builder.appendNull(field: field)
        case .bool(let bool): try builder.append(bool: bool, field: field)
        case .int(let int): try builder.append(int64: int, field: field)
        case .double(let double): try builder.append(double: double, field: field)
        case .string(let string): try builder.append(string: string, field: field)
        default: try builder.append(value, field: field)
        }
    }

    static func bytesOfBoth(
        _ rows: [ParquetRecord], schema: [ParquetField], options: ParquetWriterOptions = ParquetWriterOptions(),
        name: String
    ) throws -> (rowPath: [UInt8], builder: [UInt8]) {
        let rowFile = try TemporaryDirectory.shared.file("\(name)-rows.parquet")
        let builderFile = try TemporaryDirectory.shared.file("\(name)-builder.parquet")
        defer {
            try? FileManager.default.removeItem(at: rowFile)
            try? FileManager.default.removeItem(at: builderFile)
        }
        try ParquetFileWriter.write(to: rowFile, schema: schema, options: options) { try $0.write(rows: rows) }
        var builder = try ParquetColumnsBuilder(schema: schema)
        // Reserving room changes nothing in the file (nested fields ignore it).
        for field in schema.indices { builder.reserveCapacity(field: field, values: rows.count, bytes: 64) }
        for row in rows {
            for (field, value) in row.values.enumerated() { try append(value, field: field, to: &builder) }
        }
        #expect(builder.rowCount == rows.count)
        try ParquetFileWriter.write(to: builderFile, schema: schema, options: options) { try $0.write(builder) }
        return (Array(try Data(contentsOf: rowFile)), Array(try Data(contentsOf: builderFile)))
    }

    @Test func randomNestedRowsGiveTheRowPathsFile() async throws {
        await propertyCheck(count: 100, input: Gen.uint64(), Gen<ParquetCompression>.case, Gen.bool) {
            seed, compression, useV2 in
            var rng = SplitMix64(seed: seed)
            let schema = RandomSchema.fields(&rng)
            let rows = (0..<Int.random(in: 1...90, using: &rng)).map { _ in RandomSchema.row(schema, &rng) }
            var options = ParquetWriterOptions(
                compression: compression, dataPageVersion: useV2 ? .v2 : .v1, dictionary: Bool.random(using: &rng))
            options.dataPageSize = [64, 512, 1 << 20].randomElement(using: &rng)!
            let files = try Self.bytesOfBoth(rows, schema: schema, options: options, name: "builder-\(seed)")
            #expect(files.rowPath == files.builder, "seed \(seed)")
        }
    }

    @Test func typedAppendsConvertAsTheRowPathDoes() throws {
        let schema = [
            ParquetField("score", .double), ParquetField("blob", .binary), ParquetField("small", .int32),
            ParquetField("id", .int64, isNullable: false),
        ]
        var rows: [ParquetRecord] = []
        for index in 0..<20 {
            let score: ParquetValue = index % 3 == 0 ? .int(Int64(index)) : .double(Double(index) / 4)
            let small: ParquetValue = index % 4 == 0 ? .null : .int(Int64(index - 10))
            let values: [ParquetValue] = [score, .string("b\(index)"), small, .int(Int64(index))]
            rows.append(ParquetRecord(names: ["score", "blob", "small", "id"], values: values))
        }
        let files = try Self.bytesOfBoth(rows, schema: schema, name: "builder-typed")
        #expect(files.rowPath == files.builder)
        let file = try TemporaryDirectory.shared.file("builder-typed-read.parquet")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(files.builder).write(to: file)
        let read = try ParquetFileReader(path: file.path).readAllRows()
        #expect(read.count == 20)
        #expect(read[3]["score"] == .double(3))
        #expect(read[4]["small"] == .null)
        #expect(read[5]["small"] == .int(-5))
        #expect(read[7]["blob"] == .bytes(Array("b7".utf8)))
    }

    @Test func badInputIsRefusedWithTheFieldsName() throws {
        let schema = [ParquetField("id", .int64, isNullable: false), ParquetField("text", .string)]
        var builder = try ParquetColumnsBuilder(schema: schema)
        #expect(builder.fieldCount == 2)
        func failure(_ body: () throws -> Void) -> String {
            do {
                try body()
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(failure { try builder.appendNull(field: 0) }.contains("id"))
        #expect(failure { try builder.append(string: "seven", field: 0) }.contains("id"))
        #expect(failure { try builder.append(int64: 7, field: 1) }.contains("text"))
        let file = try TemporaryDirectory.shared.file("builder-bad.parquet")
        let refused = failure { try ParquetFileWriter.write(to: file, schema: schema) { try $0.write(builder) } }
        #expect(refused.contains("refused earlier") && refused.contains("id"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        builder = try ParquetColumnsBuilder(schema: schema)
        try builder.append(int64: 1, field: 0)
        try builder.append(int64: 2, field: 0)
        try builder.append(string: "one", field: 1)
        #expect(builder.rowCount == 1)
        let uneven = failure {
            try ParquetFileWriter.write(to: file, schema: schema) { try $0.write(builder) }
        }
        #expect(uneven.contains("text") && uneven.contains("1 values"), "\(uneven)")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        try builder.append(string: "two", field: 1)
        let otherSchema = failure {
            try ParquetFileWriter.write(to: file, schema: [ParquetField("id", .int64)]) { try $0.write(builder) }
        }
        #expect(otherSchema.contains("schema"), "\(otherSchema)")
        try ParquetFileWriter.write(to: file, schema: schema) { try $0.write(builder) }
        defer { try? FileManager.default.removeItem(at: file) }
        let read = try ParquetFileReader(path: file.path).readAllRows()
        #expect(read.map { $0["id"] } == [.int(1), .int(2)])
        #expect(read.map { $0["text"] } == [.string("one"), .string("two")])
    }
}
