/// Writes canonical JSON (the bytes ``JSONValue/canonicalJSON`` gives) straight into a byte array, for request
/// bodies and cache keys built on every request without first building a ``JSONValue`` tree.
///
/// The caller writes object keys in sorted order itself; ``value(_:)`` sorts the keys of the values it writes.
struct CanonicalJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// `"key":` (the key must need no escaping).
    mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// A comma unless `first`, which it then clears.
    mutating func separator(_ first: inout Bool) {
        if first {
            first = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    /// `"name":value`, after a separator, when `value` is present (optional parameters).
    mutating func field(_ name: StaticString, _ value: Double?, _ first: inout Bool) {
        guard let value else { return }
        separator(&first)
        key(name)
        number(value)
    }

    mutating func field(_ name: StaticString, _ value: Int?, _ first: inout Bool) {
        guard let value else { return }
        separator(&first)
        key(name)
        integer(value)
    }

    mutating func field(_ name: StaticString, _ value: [String]?, _ first: inout Bool) {
        guard let value else { return }
        separator(&first)
        key(name)
        strings(value)
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func number(_ value: Double) {
        bytes.append(contentsOf: JSONValue.canonicalNumber(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// A string with the escapes ``JSONValue/canonicalJSON`` uses: `\"`, `\\`, `\n`, `\r`, `\t`, `\u00XX` for other
    /// control characters, every other character as its UTF-8 bytes.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case UInt8(ascii: "\n"): raw("\\n")
                case UInt8(ascii: "\r"): raw("\\r")
                case UInt8(ascii: "\t"): raw("\\t")
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    raw("\\u00")
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `[ … ]` of strings.
    mutating func strings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The messages of a chat request: `[{"content":…,"role":…}, …]`.
    mutating func messages(_ messages: [ChatMessage]) {
        bytes.append(UInt8(ascii: "["))
        for (index, message) in messages.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            raw("{\"content\":")
            string(message.content)
            raw(",\"role\":")
            string(message.role)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Any JSON value, with its object keys sorted.
    mutating func value(_ value: JSONValue) {
        bytes.append(contentsOf: value.canonicalJSON.utf8)
    }
}
