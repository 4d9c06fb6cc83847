/// Reads little-endian GGUF fields from a byte buffer, checking every read against the buffer's end.
struct GGUFCursor {
    let bytes: UnsafeRawBufferPointer
    let path: String
    var offset: Int = 0

    init(bytes: UnsafeRawBufferPointer, path: String) {
        self.bytes = bytes
        self.path = path
    }

    private func check(_ count: Int, _ field: @autoclosure () -> String) throws(GGUFError) {
        guard count >= 0, count <= bytes.count - offset else {
            throw .truncated(path: path, field: field(), offset: offset)
        }
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type, _ field: @autoclosure () -> String) throws(GGUFError) -> T {
        try check(MemoryLayout<T>.size, field())
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
        return T(littleEndian: value)
    }

    mutating func readFloat(_ field: @autoclosure () -> String) throws(GGUFError) -> Float {
        Float(bitPattern: try read(UInt32.self, field()))
    }

    mutating func readDouble(_ field: @autoclosure () -> String) throws(GGUFError) -> Double {
        Double(bitPattern: try read(UInt64.self, field()))
    }

    /// A string: a `UInt64` byte count, then that many UTF-8 bytes without a terminator.
    mutating func readString(_ field: @autoclosure () -> String) throws(GGUFError) -> String {
        let start = offset
        let length = try read(UInt64.self, field())
        guard length <= UInt64(bytes.count - offset) else {
            throw .truncated(path: path, field: field(), offset: start)
        }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(length)])
        guard let string = String(validating: slice, as: UTF8.self) else {
            throw .invalidString(path: path, field: field(), offset: start)
        }
        offset += Int(length)
        return string
    }

    mutating func readValueType(key: String) throws(GGUFError) -> GGUFValueType {
        let start = offset
        let raw = try read(UInt32.self, "value type of '\(key)'")
        guard let type = GGUFValueType(rawValue: raw) else {
            throw .invalidValueType(path: path, key: key, rawType: raw, offset: start)
        }
        return type
    }

    /// A metadata value of `type`; arrays read their element type and count first.
    mutating func readValue(_ type: GGUFValueType, key: String) throws(GGUFError) -> GGUFValue {
        switch type {
        case .uint8: return .uint8(try read(UInt8.self, key))
        case .int8: return .int8(try read(Int8.self, key))
        case .uint16: return .uint16(try read(UInt16.self, key))
        case .int16: return .int16(try read(Int16.self, key))
        case .uint32: return .uint32(try read(UInt32.self, key))
        case .int32: return .int32(try read(Int32.self, key))
        case .float32: return .float32(try readFloat(key))
        case .bool: return .bool(try read(UInt8.self, key) != 0)
        case .string: return .string(try readString(key))
        case .uint64: return .uint64(try read(UInt64.self, key))
        case .int64: return .int64(try read(Int64.self, key))
        case .float64: return .float64(try readDouble(key))
        case .array:
            let elementType = try readValueType(key: key)
            let countOffset = offset
            let count = try read(UInt64.self, "element count of '\(key)'")
            // Every element takes at least one byte, so a count past the file's end is corrupt.
            guard count <= UInt64(bytes.count - offset) else {
                throw .truncated(path: path, field: "array '\(key)'", offset: countOffset)
            }
            var values: [GGUFValue] = []
            values.reserveCapacity(Int(count))
            for _ in 0..<Int(count) {
                values.append(try readValue(elementType, key: key))
            }
            return .array(elementType: elementType, values: values)
        }
    }
}
