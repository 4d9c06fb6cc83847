import DistilabelCore
import Foundation

/// Reads CSV (RFC 4180): a header line, quoted fields with `""` escapes; empty fields are null, integers and
/// decimals become numbers, as pandas infers them.
enum CSVReader {
    static func rows(from bytes: Foundation.Data, path: String, limit: Int?) throws -> [Row] {
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
                if let limit, records.count > limit { break }
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
