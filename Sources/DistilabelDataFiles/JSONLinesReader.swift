import DistilabelCore
import Foundation

/// Reads JSON Lines: one JSON object per line; blank lines are skipped.
enum JSONLinesReader {
    static func rows(from bytes: Foundation.Data, path: String, limit: Int?) throws -> [Row] {
        var rows: [Row] = []
        var lineNumber = 0
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let data = buffer.bindMemory(to: UInt8.self)
            var start = 0
            while start < data.count {
                if let limit, rows.count >= limit { return }
                var end = start
                while end < data.count && data[end] != 0x0A { end += 1 }
                lineNumber += 1
                var line = Array(data[start..<end])
                if line.last == 0x0D { line.removeLast() }
                start = end + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                let value: Value
                do { value = try Value(jsonBytes: line) } catch {
                    throw FileSystemDataError.invalid(path: path, line: lineNumber, reason: "\(error)")
                }
                guard case .struct(let row) = value else {
                    throw FileSystemDataError.invalid(path: path, line: lineNumber, reason: "expected a JSON object")
                }
                rows.append(row)
            }
        }
        return rows
    }
}
