import Foundation
import Parquet
import Testing

/// Every fixture is read and compared value by value with pyarrow's rows; files that must fail throw a
/// descriptive ``ParquetError``.
@Suite struct FixtureReadingTests {
    @Test(arguments: FixtureCase.all())
    func fixtureReadsLikePyarrow(fixture: FixtureCase) throws {
        let url = Fixtures.root.appendingPathComponent(fixture.path)
        switch fixture.expectation {
        case .rows(let expectedPath):
            let expected = try JSONValue.lines(of: Fixtures.root.appendingPathComponent(expectedPath))
            let reader = try ParquetFileReader(path: url.path)
            let rows = try reader.readAllRows()
            #expect(rows.count == expected.count)
            var problems: [String] = []
            for (index, (row, wanted)) in zip(rows, expected).enumerated() {
                guard case .object(let object) = wanted else { continue }
                if FixtureCase.pyarrowWrapsRows[fixture.path]?.contains(index) == true { continue }
                if let problem = ExpectedValues.mismatch(row, object, at: "row \(index)") { problems.append(problem) }
            }
            #expect(problems.isEmpty, "\(problems.count) rows differ; first: \(problems.prefix(3))")
        case .rowCount(let count):
            let reader = try ParquetFileReader(path: url.path)
            var total = 0
            for group in 0..<reader.rowGroupCount { total += try reader.readRows(rowGroup: group).count }
            #expect(total == count)
        case .failure(let text):
            let error = #expect(throws: ParquetError.self) {
                let reader = try ParquetFileReader(path: url.path)
                _ = try reader.readAllRows()
            }
            if let error {
                #expect(text.isEmpty || error.description.lowercased().contains(text.lowercased()), "\(error)")
                #expect(error.description.contains(url.path))
            }
        }
    }

    /// pyarrow wraps INT96 instants outside the nanosecond range; this reader keeps them exact in microseconds.
    /// The true values are listed in the fixtures' INDEX.md (from upstream `int96_from_spark.md`).
    @Test func int96BeyondTheNanosecondRangeKeepsTheTrueInstant() throws {
        let url = Fixtures.parquetTesting.appendingPathComponent("int96_from_spark.parquet")
        let rows = try ParquetFileReader(path: url.path).readAllRows()
        let expectedMicros: [Int64?] = [
            1_704_141_296_123_456, 1_704_070_800_000_000, 253_402_225_200_000_000, 1_735_599_600_000_000, nil,
            9_089_380_393_200_000_000,
        ]
        try #require(rows.count == expectedMicros.count)
        for (row, expected) in zip(rows, expectedMicros) {
            switch row["a"] {
            case .timestamp(let count, let unit, false)?:
                let micros = unit == .nanos ? count / 1000 : unit == .micros ? count : count * 1000
                #expect(micros == expected)
            case .null?:
                #expect(expected == nil)
            default:
                Issue.record("unexpected value \(String(describing: row["a"]))")
            }
        }
    }
}
