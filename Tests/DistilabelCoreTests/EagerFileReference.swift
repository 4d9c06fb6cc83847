import Distilabel
import Foundation

/// The eager readers `LoadDataFromFileSystem` used before it read lazily (commit 5a4f531), kept as the reference
/// that the lazy batches are checked against: every JSON Lines, CSV and JSON file is read whole into rows here.
enum EagerFileReference {
    static func rows(path: String, limit: Int? = nil) throws -> [Row] {
        let bytes = try Foundation.Data(contentsOf: URL(fileURLWithPath: path))
        switch URL(fileURLWithPath: path).pathExtension {
        case "jsonl": return try jsonLines(bytes, path: path, limit: limit)
        case "csv": return try csv(bytes, path: path, limit: limit)
        default:
            guard case .list(let elements) = try Value(jsonBytes: Array(bytes)) else { return [] }
            let rows = elements.compactMap { element -> Row? in
                guard case .struct(let row) = element else { return nil }
                return row
            }
            return limit.map { Array(rows.prefix($0)) } ?? rows
        }
    }

    private static func jsonLines(_ bytes: Foundation.Data, path: String, limit: Int?) throws -> [Row] {
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

    private static func csv(_ bytes: Foundation.Data, path: String, limit: Int?) throws -> [Row] {
        let text = String(decoding: bytes, as: UTF8.self)
        var records: [[String?]] = []
        var field = ""
        var record: [String?] = []
        var quoted = false
        var fieldWasQuoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endField() {
            record.append(field.isEmpty && !fieldWasQuoted ? nil : field)
            field = ""
            fieldWasQuoted = false
        }
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                quoted = true
                fieldWasQuoted = true
            case ",": endField()
            case "\r": continue
            case "\n":
                endField()
                records.append(record)
                record = []
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted {
            endField()
            records.append(record)
        }
        guard let header = records.first else { return [] }
        let columns = header.enumerated().map { $1 ?? "column_\($0)" }
        var rows: [Row] = []
        for (index, fields) in records.dropFirst().enumerated() {
            if let limit, rows.count >= limit { break }
            guard fields.count == columns.count else {
                throw FileSystemDataError.invalid(
                    path: path, line: index + 2, reason: "expected \(columns.count) fields, found \(fields.count)")
            }
            rows.append(Row(columns: columns, values: fields.map(infer)))
        }
        return rows
    }

    private static func infer(_ field: String?) -> Value {
        guard let field else { return .null }
        if let int = Int64(field) { return .int(int) }
        if field.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let double = Double(field) {
            return .double(double)
        }
        return .string(field)
    }
}
