import Foundation
import Parquet
import Testing

/// The large DELTA_* fixtures compared with upstream's CSV expectations (`*_expect.csv`).
@Suite struct DeltaEncodingCSVTests {
    /// CSV cells: `nil` for an empty unquoted cell (null), the unquoted text otherwise.
    static func parseCSV(_ text: String) -> [[String?]] {
        var rows: [[String?]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var cells: [String?] = []
            var current = ""
            var quoted = false
            var inQuotes = false
            for character in line {
                if inQuotes {
                    if character == "\"" { inQuotes = false } else { current.append(character) }
                } else if character == "\"" {
                    inQuotes = true
                    quoted = true
                } else if character == "," {
                    cells.append(quoted || !current.isEmpty ? current : nil)
                    current = ""
                    quoted = false
                } else {
                    current.append(character)
                }
            }
            cells.append(quoted || !current.isEmpty ? current : nil)
            rows.append(cells)
        }
        return rows
    }

    @Test(arguments: ["delta_binary_packed", "delta_byte_array"])
    func valuesMatchUpstreamCSV(name: String) throws {
        let csv = try String(
            contentsOf: Fixtures.parquetTesting.appendingPathComponent("\(name)_expect.csv"), encoding: .utf8)
        let table = Self.parseCSV(csv)
        let header = try #require(table.first).map { $0 ?? "" }
        let reader = try ParquetFileReader(path: Fixtures.parquetTesting.appendingPathComponent("\(name).parquet").path)
        let rows = try reader.readAllRows()
        #expect(rows.count == table.count - 1)
        #expect(reader.columnNames == header)
        var mismatches: [String] = []
        for (index, row) in rows.enumerated() where index + 1 < table.count {
            for (column, name) in header.enumerated() {
                let cell = table[index + 1][column]
                let text: String?
                switch row[name] {
                case .int(let value)?: text = String(value)
                case .string(let value)?: text = value
                case .null?: text = nil
                default: text = "unexpected \(String(describing: row[name]))"
                }
                if text != cell { mismatches.append("row \(index) \(name): \(text ?? "null") ≠ \(cell ?? "null")") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) cells differ: \(mismatches.prefix(3))")
    }
}
