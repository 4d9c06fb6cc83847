import DistilabelCore

/// Writes a ``Value`` tree as block-style YAML that PyYAML (YAML 1.1) and Yams read back as the same values.
///
/// Written by hand, on UTF-8 bytes, because a `pipeline.yaml` can hold a large inline dataset (`LoadDataFromDicts`'s
/// `data`): Yams resolves every scalar's tag with a regular expression and builds a node tree, which took seconds
/// and hundreds of megabytes for 100k rows. This emitter is linear in the output and allocates little beyond it.
///
/// Strings are written plain only when they cannot read back as anything else (letters, digits and `_./-`,
/// starting with a letter, `_` or `/`, and none of YAML 1.1's booleans or nulls; or a version number such as
/// `1.5.3`); every other string is double-quoted with escapes both YAML versions accept. Floats always carry a dot
/// (`1.0e+20`), as PyYAML needs.
///
/// Large inline datasets are never turned into a ``Value`` tree: the document holds a marker string where they go
/// (a key of `deferredRows`), and the emitter writes their rows one at a time, handing its bytes to `flush` every
/// megabyte or so when one is given.
struct YAMLEmitter {
    private(set) var bytes: [UInt8] = []
    /// Rows to write in place of a marker string.
    var deferredRows: [String: InlineRows] = [:]
    /// Receives the bytes written so far (then cleared) once they pass ``flushThreshold``.
    var flush: ((_ bytes: [UInt8]) -> Void)?
    let flushThreshold = 1 << 20

    /// The document's UTF-8 bytes.
    static func bytes(_ document: Row, deferredRows: [String: InlineRows] = [:]) -> [UInt8] {
        var emitter = YAMLEmitter()
        emitter.deferredRows = deferredRows
        emitter.bytes.reserveCapacity(4096)
        emitter.emit(document)
        return emitter.bytes
    }

    /// The document's text.
    static func document(_ document: Row, deferredRows: [String: InlineRows] = [:]) -> String {
        String(decoding: bytes(document, deferredRows: deferredRows), as: UTF8.self)
    }

    /// Writes `document`; with a ``flush``, all but the last bytes have gone to it.
    mutating func emit(_ document: Row) {
        mapping(document, indent: 0, firstLineWritten: false)
    }

    private mutating func flushIfLarge() {
        guard let flush, bytes.count >= flushThreshold else { return }
        flush(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private func deferred(_ value: Value) -> InlineRows? {
        guard !deferredRows.isEmpty, case .string(let marker) = value else { return nil }
        return deferredRows[marker]
    }

    /// A sequence of rows, each written as ``sequence(_:indent:)`` writes a struct element.
    private mutating func rowSequence(_ rows: InlineRows, indent: Int) {
        // Rows of one run share their column names: each key is written once, then copied.
        var keysOf: [String] = []
        var keys: [[UInt8]] = []
        rows.forEachRow { columns, value in
            spaces(indent)
            bytes.append(UInt8(ascii: "-"))
            bytes.append(UInt8(ascii: " "))
            if columns.isEmpty {
                bytes.append(contentsOf: "{}\n".utf8)
            } else {
                if columns != keysOf {
                    keysOf = columns
                    keys = columns.map { column in
                        var key = YAMLEmitter()
                        key.string(column)
                        key.bytes.append(UInt8(ascii: ":"))
                        return key.bytes
                    }
                }
                for index in columns.indices {
                    if index > 0 { spaces(indent + 2) }
                    bytes.append(contentsOf: keys[index])
                    valueAfterKey(value(index), indent: indent + 2)
                }
            }
            flushIfLarge()
        }
    }

    private mutating func spaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private mutating func mapping(_ row: Row, indent: Int, firstLineWritten: Bool) {
        for index in 0..<row.count {
            if index > 0 || !firstLineWritten { spaces(indent) }
            string(row.columns[index])
            bytes.append(UInt8(ascii: ":"))
            valueAfterKey(row.values[index], indent: indent)
        }
    }

    private mutating func valueAfterKey(_ value: Value, indent: Int) {
        if let rows = deferred(value) {
            if rows.isEmpty {
                bytes.append(contentsOf: " []\n".utf8)
            } else {
                bytes.append(0x0A)
                rowSequence(rows, indent: indent)
            }
            return
        }
        switch value {
        case .struct(let row) where !row.isEmpty:
            bytes.append(0x0A)
            mapping(row, indent: indent + 2, firstLineWritten: false)
        case .list(let elements) where !elements.isEmpty:
            bytes.append(0x0A)
            sequence(elements, indent: indent)
        default:
            bytes.append(UInt8(ascii: " "))
            scalar(value)
            bytes.append(0x0A)
        }
    }

    private mutating func sequence(_ elements: [Value], indent: Int) {
        for element in elements {
            spaces(indent)
            bytes.append(UInt8(ascii: "-"))
            switch element {
            case .struct(let row) where !row.isEmpty:
                bytes.append(UInt8(ascii: " "))
                mapping(row, indent: indent + 2, firstLineWritten: true)
            case .list(let inner) where !inner.isEmpty:
                bytes.append(0x0A)
                sequence(inner, indent: indent + 2)
            default:
                bytes.append(UInt8(ascii: " "))
                scalar(element)
                bytes.append(0x0A)
            }
        }
    }

    private mutating func scalar(_ value: Value) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let bool): bytes.append(contentsOf: (bool ? "true" : "false").utf8)
        case .int(let int): decimal(int)
        case .double(let double): bytes.append(contentsOf: YAMLValue.floatText(double).utf8)
        case .string(let text): string(text)
        case .list: bytes.append(contentsOf: "[]".utf8)
        case .struct: bytes.append(contentsOf: "{}".utf8)
        }
    }

    /// An integer's decimal digits, written without building a string.
    private mutating func decimal(_ int: Int64) {
        if int < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = int.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, filled from the end
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// YAML 1.1's words for booleans and null, which a plain string must not be.
    private static let reservedWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isPlainSafe<Bytes: Collection<UInt8>>(_ utf8: Bytes) -> Bool {
        guard let first = utf8.first else { return false }
        if isDigit(first) {
            // A version number (`1.5.3`: digits and two dots or more) is a string in every YAML version.
            var dots = 0
            var previousWasDot = true
            for byte in utf8 {
                if byte == UInt8(ascii: ".") {
                    if previousWasDot { return false }
                    dots += 1
                    previousWasDot = true
                } else if isDigit(byte) {
                    previousWasDot = false
                } else {
                    return false
                }
            }
            return dots >= 2 && !previousWasDot
        }
        guard isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: "/") else { return false }
        for byte in utf8 {
            guard
                isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
            else { return false }
        }
        return utf8.count > 5 || !reservedWords.contains(String(decoding: utf8, as: UTF8.self))
    }

    private mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            if Self.isPlainSafe(utf8) {
                bytes.append(contentsOf: utf8)
            } else {
                quoted(utf8)
            }
        }
    }

    /// A double-quoted scalar: `"` and `\` escaped, control characters and the characters YAML treats as line
    /// breaks or byte-order marks (U+0085, U+2028, U+2029, U+FEFF, C1 controls) written as escapes.
    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            var escape: String?
            var length = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x09: escape = "\\t"
            case 0x0D: escape = "\\r"
            case 0x00..<0x20, 0x7F: escape = "\\x" + Self.hex(byte)
            case 0xC2 where index + 1 < utf8.count && utf8[index + 1] >= 0x80 && utf8[index + 1] < 0xA0:
                let next = utf8[index + 1]
                escape = next == 0x85 ? "\\N" : "\\x" + Self.hex(next)
                length = 2
            case 0xE2
            where index + 2 < utf8.count && utf8[index + 1] == 0x80
                && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                escape = utf8[index + 2] == 0xA8 ? "\\L" : "\\P"
                length = 3
            case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBB && utf8[index + 2] == 0xBF:
                escape = "\\uFEFF"
                length = 3
            default: break
            }
            if let escape {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(contentsOf: escape.utf8)
                index += length
                start = index
            } else {
                index += 1
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
