/// A pull parser over JSON bytes for answers read on every request: it reads the few fields a client needs and
/// skips (while still checking) everything else, without building a ``JSONValue`` tree.
///
/// Every method throws ``JSONScanner/Malformed`` at the first byte that is not valid JSON where it is read.
struct JSONScanner {
    /// The bytes are not valid JSON at ``offset``.
    struct Malformed: Swift.Error, CustomStringConvertible {
        var offset: Int
        var description: String { "invalid JSON at byte \(offset)" }
    }

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private func malformed() -> Malformed { Malformed(offset: offset) }

    /// What the next value is, after any whitespace.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return current
    }

    /// Checks that nothing but whitespace is left.
    mutating func expectEnd() throws(Malformed) {
        skipWhitespace()
        guard offset == bytes.count else { throw malformed() }
    }

    /// Calls `field` with each key of the object that starts here; `field` must read or skip the value.
    mutating func object(_ field: (inout JSONScanner, _ key: Key) throws(Malformed) -> Void) throws(Malformed) {
        guard peek() == UInt8(ascii: "{") else { throw malformed() }
        offset += 1
        if peek() == UInt8(ascii: "}") {
            offset += 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw malformed() }
            let key = try readKey()
            guard peek() == UInt8(ascii: ":") else { throw malformed() }
            offset += 1
            try field(&self, key)
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return
            default: throw malformed()
            }
        }
    }

    /// Calls `element` for each element of the array that starts here; `element` must read or skip it.
    mutating func array(_ element: (inout JSONScanner, _ index: Int) throws(Malformed) -> Void) throws(Malformed) {
        guard peek() == UInt8(ascii: "[") else { throw malformed() }
        offset += 1
        if peek() == UInt8(ascii: "]") {
            offset += 1
            return
        }
        var index = 0
        while true {
            try element(&self, index)
            index += 1
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                return
            default: throw malformed()
            }
        }
    }

    /// An object key: its raw bytes when it has no escapes, else its decoded text.
    struct Key {
        fileprivate var raw: UnsafeRawBufferPointer?
        fileprivate var decoded: String?

        /// Whether the key is `name`.
        func `is`(_ name: StaticString) -> Bool {
            name.withUTF8Buffer { expected in
                if let raw { return raw.elementsEqual(expected) }
                return decoded.map { $0.utf8.elementsEqual(expected) } ?? false
            }
        }
    }

    private mutating func readKey() throws(Malformed) -> Key {
        let start = offset + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
            bytes[end] >= 0x20
        {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            offset = end + 1
            return Key(raw: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        }
        return Key(decoded: try string())
    }

    /// Reads a string value; `nil` for JSON `null`, throws for anything else.
    mutating func optionalString() throws(Malformed) -> String? {
        if peek() == UInt8(ascii: "n") {
            try literal("null")
            return nil
        }
        return try string()
    }

    /// Reads a string and decodes its escapes.
    mutating func string() throws(Malformed) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw malformed() }
        offset += 1
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw malformed() }
            offset += 1
        }
        var decoded = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"): try escape(into: &decoded)
            case ..<0x20: throw Malformed(offset: offset - 1)
            default: decoded.append(byte)
            }
        }
        throw malformed()
    }

    /// Skips a string, checking its escapes.
    private mutating func skipString() throws(Malformed) {
        offset += 1
        var scratch: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"):
                try escape(into: &scratch)
                scratch.removeAll(keepingCapacity: true)
            case ..<0x20: throw Malformed(offset: offset - 1)
            default: break
            }
        }
        throw malformed()
    }

    private mutating func escape(into decoded: inout [UInt8]) throws(Malformed) {
        guard let byte = current else { throw malformed() }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar), offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                bytes[offset + 1] == UInt8(ascii: "u")
            {
                let saved = offset
                offset += 2
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    offset = saved
                }
            }
            let character = Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")
            decoded.append(contentsOf: String(character).utf8)
        default: throw Malformed(offset: offset - 1)
        }
    }

    private mutating func hex4() throws(Malformed) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw malformed() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw malformed()
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// Reads a number as an `Int` when it is one (or a double without a fraction); `nil` for any other value,
    /// which is skipped.
    mutating func intOrSkip() throws(Malformed) -> Int? {
        guard let first = peek(), first == UInt8(ascii: "-") || (0x30...0x39).contains(first) else {
            try skip()
            return nil
        }
        let text = try numberText()
        if let value = Int(text) { return value }
        if let value = Double(text), value.rounded() == value, abs(value) < 9e15 { return Int(value) }
        return nil
    }

    private mutating func numberText() throws(Malformed) -> String {
        let start = offset
        while offset < bytes.count, Self.isNumberByte(bytes[offset]) { offset += 1 }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard Double(text) != nil else { throw Malformed(offset: start) }
        return text
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default: return false
        }
    }

    private mutating func literal(_ word: StaticString) throws(Malformed) {
        let matches = word.withUTF8Buffer { expected in
            offset + expected.count <= bytes.count
                && UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + expected.count]).elementsEqual(expected)
        }
        guard matches else { throw malformed() }
        offset += word.utf8CodeUnitCount
    }

    /// Skips one value of any kind, checking it.
    mutating func skip() throws(Malformed) {
        switch peek() {
        case UInt8(ascii: "{"): try object { (scanner, _) throws(Malformed) in try scanner.skip() }
        case UInt8(ascii: "["): try array { (scanner, _) throws(Malformed) in try scanner.skip() }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case .some(let byte) where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): _ = try numberText()
        default: throw malformed()
        }
    }
}
