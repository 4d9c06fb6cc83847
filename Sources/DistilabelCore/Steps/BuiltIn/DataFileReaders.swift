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
