/// Reads Thrift compact-protocol values from a byte buffer.
///
/// Every read is bounds-checked and throws ``ParquetError/malformedThrift(structure:offset:reason:)``; collection
/// sizes are bounded by the remaining bytes, so corrupt input can neither crash nor allocate without bound.
struct ThriftCompactReader {
    /// The maximum nesting of structs and collections accepted while skipping unknown data.
    static let maximumDepth = 64

    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int
    /// The structure being decoded, for error messages.
    var context = "metadata"
    /// The file offset of `bytes[0]`, so that errors name file offsets.
    var baseOffset = 0

    init(_ bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = max(0, start)
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var remaining: Int { max(0, end - position) }

    func error(_ reason: String) -> ParquetError {
        .malformedThrift(structure: context, offset: baseOffset + position, reason: reason)
    }

    mutating func readByte() throws -> UInt8 {
        guard position < end else { throw error("unexpected end of data") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            if shift == 63 && byte > 1 { throw error("varint overflows 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw error("varint longer than 10 bytes") }
        }
    }

    mutating func readI64() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func readI32() throws -> Int32 {
        let value = try readI64()
        guard let narrow = Int32(exactly: value) else { throw error("i32 value \(value) out of range") }
        return narrow
    }

    mutating func readI16() throws -> Int16 {
        let value = try readI64()
        guard let narrow = Int16(exactly: value) else { throw error("i16 value \(value) out of range") }
        return narrow
    }

    mutating func readI8() throws -> Int8 {
        Int8(bitPattern: try readByte())
    }

    mutating func readDouble() throws -> Double {
        guard remaining >= 8 else { throw error("unexpected end of data in a double") }
        var raw: UInt64 = 0
        for index in 0..<8 { raw |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return Double(bitPattern: raw)
    }

    /// A length-prefixed byte string.
    mutating func readBinary() throws -> [UInt8] {
        let length = try readVarint()
        guard length <= UInt64(remaining) else {
            throw error("binary length \(length) exceeds the \(remaining) remaining bytes")
        }
        let start = position
        position += Int(length)
        return Array(bytes[start..<position])
    }

    mutating func readString() throws -> String {
        String(decoding: try readBinary(), as: UTF8.self)
    }

    /// A boolean inside a list or set (one byte); a boolean field's value is its type, see ``ThriftType/isBool``.
    mutating func readBoolElement() throws -> Bool {
        try readByte() == 1
    }

    /// The next field header of a struct, or `nil` at its stop byte. `lastFieldID` tracks the delta encoding.
    mutating func readFieldHeader(lastFieldID: inout Int16) throws -> (id: Int16, type: ThriftType)? {
        let byte = try readByte()
        if byte == 0 { return nil }
        guard let type = ThriftType(rawValue: byte & 0x0F) else {
            throw error("unknown field type \(byte & 0x0F)")
        }
        let delta = Int16(byte >> 4)
        let id = delta == 0 ? try readI16() : lastFieldID &+ delta
        lastFieldID = id
        return (id, type)
    }

    /// A list or set header: the element type and the element count (bounded by the remaining bytes).
    mutating func readListHeader() throws -> (elementType: ThriftType, count: Int) {
        let byte = try readByte()
        // Some writers (fastparquet) emit element type 0 for empty lists.
        if byte == 0 { return (.binary, 0) }
        guard let type = ThriftType(rawValue: byte & 0x0F) else {
            throw error("unknown list element type \(byte & 0x0F)")
        }
        var count = UInt64(byte >> 4)
        if count == 15 { count = try readVarint() }
        guard count <= UInt64(remaining) else {
            throw error("list of \(count) elements exceeds the \(remaining) remaining bytes")
        }
        return (type, Int(count))
    }

    /// A map header: key and value types and the entry count (bounded by the remaining bytes).
    mutating func readMapHeader() throws -> (keyType: ThriftType, valueType: ThriftType, count: Int) {
        let count = try readVarint()
        if count == 0 { return (.binary, .binary, 0) }
        guard count <= UInt64(remaining) else {
            throw error("map of \(count) entries exceeds the \(remaining) remaining bytes")
        }
        let byte = try readByte()
        guard let keyType = ThriftType(rawValue: byte >> 4), let valueType = ThriftType(rawValue: byte & 0x0F) else {
            throw error("unknown map key/value types \(byte)")
        }
        return (keyType, valueType, Int(count))
    }

    /// Skips one value of `type` (a field, list element, map entry part or union member).
    mutating func skip(_ type: ThriftType, depth: Int = 0) throws {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
        switch type {
        case .boolTrue, .boolFalse:
            return
        case .i8:
            _ = try readByte()
        case .i16, .i32, .i64:
            _ = try readVarint()
        case .double:
            guard remaining >= 8 else { throw error("unexpected end of data in a double") }
            position += 8
        case .binary:
            let length = try readVarint()
            guard length <= UInt64(remaining) else { throw error("binary length \(length) exceeds the data") }
            position += Int(length)
        case .list, .set:
            let (elementType, count) = try readListHeader()
            for _ in 0..<count { try skipElement(elementType, depth: depth + 1) }
        case .map:
            let (keyType, valueType, count) = try readMapHeader()
            for _ in 0..<count {
                try skipElement(keyType, depth: depth + 1)
                try skipElement(valueType, depth: depth + 1)
            }
        case .struct:
            var lastFieldID: Int16 = 0
            while let field = try readFieldHeader(lastFieldID: &lastFieldID) {
                try skip(field.type, depth: depth + 1)
            }
        }
    }

    /// Skips a collection element (booleans take one byte there).
    private mutating func skipElement(_ type: ThriftType, depth: Int) throws {
        if type.isBool { _ = try readByte() } else { try skip(type, depth: depth) }
    }

    /// Reads a list whose elements are decoded by `element`.
    mutating func readList<T>(_ element: (inout ThriftCompactReader) throws -> T) throws -> [T] {
        let (_, count) = try readListHeader()
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try element(&self)) }
        return result
    }

    /// Reads a list of structs.
    mutating func readStructList<T: ThriftCodable>(_: T.Type) throws -> [T] {
        try readList { reader in try T(thrift: &reader) }
    }
}
