import DistilabelCore

/// Writes a ``Value`` tree as block-style YAML that PyYAML (YAML 1.1) and Yams read back as the same values.
///
/// Written by hand because a `pipeline.yaml` can hold a large inline dataset (`LoadDataFromDicts`'s `data`): Yams
/// resolves every scalar's tag with a regular expression and builds a node tree, which took seconds and hundreds of
/// megabytes for 100k rows. This emitter is linear in the output and allocates little beyond it.
///
/// Strings are written plain only when they cannot read back as anything else (letters, digits and `_./-`, not
/// starting with a digit, `-` or `.`, and none of YAML 1.1's booleans or nulls); every other string is double-quoted
/// with JSON-style escapes, which both YAML versions accept. Floats always carry a dot (`1.0e+20`), as PyYAML needs.
enum YAMLEmitter {
    static func document(_ row: Row) -> String {
        var output = ""
        output.reserveCapacity(4096)
        mapping(row, indent: 0, firstLineWritten: false, into: &output)
        return output
    }

    private static func mapping(_ row: Row, indent: Int, firstLineWritten: Bool, into output: inout String) {
        for (index, (key, value)) in zip(row.columns, row.values).enumerated() {
            if index > 0 || !firstLineWritten { output.append(String(repeating: " ", count: indent)) }
            string(key, into: &output)
            output.append(":")
            valueAfterKey(value, indent: indent, into: &output)
        }
    }

    private static func valueAfterKey(_ value: Value, indent: Int, into output: inout String) {
        switch value {
        case .struct(let row) where !row.isEmpty:
            output.append("\n")
            mapping(row, indent: indent + 2, firstLineWritten: false, into: &output)
        case .list(let elements) where !elements.isEmpty:
            output.append("\n")
            sequence(elements, indent: indent, into: &output)
        default:
            output.append(" ")
            scalar(value, into: &output)
            output.append("\n")
        }
    }

    private static func sequence(_ elements: [Value], indent: Int, into output: inout String) {
        for element in elements {
            output.append(String(repeating: " ", count: indent))
            output.append("-")
            switch element {
            case .struct(let row) where !row.isEmpty:
                output.append(" ")
                mapping(row, indent: indent + 2, firstLineWritten: true, into: &output)
            case .list(let inner) where !inner.isEmpty:
                output.append("\n")
                sequence(inner, indent: indent + 2, into: &output)
            default:
                output.append(" ")
                scalar(element, into: &output)
                output.append("\n")
            }
        }
    }

    private static func scalar(_ value: Value, into output: inout String) {
        switch value {
        case .null: output.append("null")
        case .bool(let bool): output.append(bool ? "true" : "false")
        case .int(let int): output.append(String(int))
        case .double(let double): output.append(YAMLValue.floatText(double))
        case .string(let text): string(text, into: &output)
        case .list: output.append("[]")
        case .struct: output.append("{}")
        }
    }

    /// YAML 1.1's words for booleans and null, which a plain string must not be.
    private static let reservedWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.utf8.first, !reservedWords.contains(text) else { return false }
        if isVersionNumber(text) { return true }
        let isLetter = { (byte: UInt8) in (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        guard isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: "/") else { return false }
        return text.utf8.allSatisfy { byte in
            isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
        }
    }

    /// `1.5.3`: digits with two dots or more, a string in every YAML version.
    private static func isVersionNumber(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 3 && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }

    private static func string(_ text: String, into output: inout String) {
        if isPlainSafe(text) {
            output.append(text)
            return
        }
        output.append("\"")
        var start = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = start
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\t": escape = "\\t"
            case "\r": escape = "\\r"
            case "\u{85}": escape = "\\N"
            case "\u{2028}": escape = "\\L"
            case "\u{2029}": escape = "\\P"
            case "\u{FEFF}": escape = "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    escape = "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    escape = nil
                }
            }
            if let escape {
                output.append(contentsOf: Substring(scalars[start..<index]))
                output.append(escape)
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.append(contentsOf: Substring(scalars[start..<scalars.endIndex]))
        output.append("\"")
    }
}
