/// Writes Thrift compact-protocol values into a growing byte buffer.
///
/// Structs are written field by field with ``writeFieldHeader(_:_:)`` between ``beginStruct()`` and ``endStruct()``,
/// which keep the field-id deltas of nested structs apart.
struct ThriftCompactWriter {
    private(set) var bytes: [UInt8] = []
    private var lastFieldID: Int16 = 0
    private var outerFieldIDs: [Int16] = []

    init() {}

    mutating func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func writeI64(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func writeI32(_ value: Int32) { writeI64(Int64(value)) }
    mutating func writeI16(_ value: Int16) { writeI64(Int64(value)) }
    mutating func writeI8(_ value: Int8) { writeByte(UInt8(bitPattern: value)) }

    mutating func writeDouble(_ value: Double) {
        let raw = value.bitPattern
        for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: raw >> (8 * UInt64(index)))) }
    }

    mutating func writeBinary(_ value: [UInt8]) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func writeString(_ value: String) {
        writeBinary(Array(value.utf8))
    }

    /// A boolean inside a list or set.
    mutating func writeBoolElement(_ value: Bool) {
        writeByte(value ? 1 : 2)
    }

    mutating func beginStruct() {
        outerFieldIDs.append(lastFieldID)
        lastFieldID = 0
    }

    mutating func endStruct() {
        bytes.append(0)
        lastFieldID = outerFieldIDs.popLast() ?? 0
    }

    mutating func writeFieldHeader(_ id: Int16, _ type: ThriftType) {
        let delta = Int(id) - Int(lastFieldID)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeI16(id)
        }
        lastFieldID = id
    }

    mutating func writeListHeader(_ elementType: ThriftType, count: Int) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    mutating func writeMapHeader(keyType: ThriftType, valueType: ThriftType, count: Int) {
        writeVarint(UInt64(count))
        if count > 0 { bytes.append(keyType.rawValue << 4 | valueType.rawValue) }
    }

    // MARK: Fields

    mutating func writeField(_ id: Int16, bool value: Bool) {
        writeFieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    mutating func writeField(_ id: Int16, i8 value: Int8) {
        writeFieldHeader(id, .i8)
        writeI8(value)
    }

    mutating func writeField(_ id: Int16, i16 value: Int16) {
        writeFieldHeader(id, .i16)
        writeI16(value)
    }

    mutating func writeField(_ id: Int16, i32 value: Int32) {
        writeFieldHeader(id, .i32)
        writeI32(value)
    }

    mutating func writeField(_ id: Int16, i64 value: Int64) {
        writeFieldHeader(id, .i64)
        writeI64(value)
    }

    mutating func writeField(_ id: Int16, double value: Double) {
        writeFieldHeader(id, .double)
        writeDouble(value)
    }

    mutating func writeField(_ id: Int16, binary value: [UInt8]) {
        writeFieldHeader(id, .binary)
        writeBinary(value)
    }

    mutating func writeField(_ id: Int16, string value: String) {
        writeFieldHeader(id, .binary)
        writeString(value)
    }

    mutating func writeField<T: ThriftCodable>(_ id: Int16, struct value: T) {
        writeFieldHeader(id, .struct)
        value.encode(thrift: &self)
    }

    /// An empty struct field (a union member without content, such as `StringType`).
    mutating func writeEmptyStructField(_ id: Int16) {
        writeFieldHeader(id, .struct)
        bytes.append(0)
    }

    mutating func writeField<T: ThriftCodable>(_ id: Int16, structs values: [T]) {
        writeFieldHeader(id, .list)
        writeListHeader(.struct, count: values.count)
        for value in values { value.encode(thrift: &self) }
    }

    mutating func writeField(_ id: Int16, i32s values: [Int32]) {
        writeFieldHeader(id, .list)
        writeListHeader(.i32, count: values.count)
        for value in values { writeI32(value) }
    }

    mutating func writeField(_ id: Int16, i64s values: [Int64]) {
        writeFieldHeader(id, .list)
        writeListHeader(.i64, count: values.count)
        for value in values { writeI64(value) }
    }

    mutating func writeField(_ id: Int16, strings values: [String]) {
        writeFieldHeader(id, .list)
        writeListHeader(.binary, count: values.count)
        for value in values { writeString(value) }
    }
}
