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
}
