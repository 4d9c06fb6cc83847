import DistilabelCore
import Foundation

/// A JSON file holding an array of objects. JSON has no lines to seek to, so loading parses the whole file, and
/// keeps its rows column by column (``InlineRows``) rather than as rows.
struct JSONArrayFile: IndexedDataFile {
    let data: InlineRows

    init(path: String, limit: Int?) throws {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw FileSystemDataError.unreadable(path: path)
        }
        let value: Value
        do { value = try Value(jsonBytes: Array(bytes)) } catch {
            throw FileSystemDataError.invalid(path: path, line: nil, reason: "\(error)")
        }
        guard case .list(let elements) = value else {
            throw FileSystemDataError.invalid(path: path, line: nil, reason: "expected an array of objects")
        }
        for (index, element) in elements.enumerated() {
            guard case .struct = element else {
                throw FileSystemDataError.invalid(path: path, line: nil, reason: "element \(index) is not an object")
            }
        }
        let kept = elements.prefix(limit ?? elements.count)
        data = InlineRows(
            kept.lazy.map { element in
                guard case .struct(let row) = element else { return Row() }
                return row
            })
    }

    var rowCount: Int { data.count }

    func rows(in range: Range<Int>) throws -> [Row] { data.rows(in: range) }
}
