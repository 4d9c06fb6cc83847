import DistilabelCore

/// Parses CSV records (RFC 4180): quoted fields with `""` escapes; empty fields are null, integers and decimals
/// become numbers, as pandas infers them. ``RecordIndex`` finds where each record is.
enum CSVReader {
    /// The fields of one record (its bytes without the line feed that ends it): `nil` for an empty unquoted field.
    /// Carriage returns outside quotes are dropped.
    static func fields(of bytes: UnsafeRawBufferPointer) -> [String?] {
        let text = String(decoding: bytes, as: UTF8.self)
        var record: [String?] = []
        var field = ""
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
            default: field.unicodeScalars.append(scalar)
            }
        }
        endField()
        return record
    }

    /// The header's column names: an empty name is `column_<index>`.
    static func columns(of bytes: UnsafeRawBufferPointer) -> [String] {
        fields(of: bytes).enumerated().map { $1 ?? "column_\($0)" }
    }

    /// A field's value: null, an integer, a double (when written with a point or an exponent) or a string.
    static func value(_ field: String?) -> Value {
        guard let field else { return .null }
        if let int = Int64(field) { return .int(int) }
        if field.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let double = Double(field) {
            return .double(double)
        }
        return .string(field)
    }
}
