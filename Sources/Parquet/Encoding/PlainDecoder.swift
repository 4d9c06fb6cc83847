/// Decodes PLAIN-encoded values of every physical type.
enum PlainDecoder {
    static func decode(
        _ cursor: inout ByteCursor, count: Int, leaf: ParquetSchemaNode, converter: ValueConverter,
        into values: inout [ParquetValue]
    ) throws {
        let physical = leaf.physicalType ?? .byteArray
        // Every PLAIN value but BOOLEAN takes at least one byte (BYTE_ARRAY: its 4-byte length).
        if physical != .boolean && !(physical == .fixedLenByteArray && leaf.typeLength == 0) {
            guard count <= cursor.remaining else {
                throw cursor.corrupt("\(count) PLAIN values cannot fit in \(cursor.remaining) bytes")
            }
        }
        switch physical {
        case .boolean:
            let range = try cursor.take((count + 7) / 8)
            for index in 0..<count {
                let byte = cursor.bytes[range.lowerBound + index / 8]
                values.append(converter.bool(byte >> UInt8(index % 8) & 1 == 1))
            }
        case .int32:
            for _ in 0..<count { values.append(converter.int32(Int32(bitPattern: try cursor.readUInt32LE()))) }
        case .int64:
            for _ in 0..<count { values.append(converter.int64(Int64(bitPattern: try cursor.readUInt64LE()))) }
        case .int96:
            for _ in 0..<count {
                let nanos = try cursor.readUInt64LE()
                let day = try cursor.readUInt32LE()
                values.append(converter.int96(nanosOfDay: nanos, julianDay: day))
            }
        case .float:
            for _ in 0..<count { values.append(converter.float(Float(bitPattern: try cursor.readUInt32LE()))) }
        case .double:
            for _ in 0..<count { values.append(converter.double(Double(bitPattern: try cursor.readUInt64LE()))) }
        case .byteArray:
            for _ in 0..<count {
                let length = Int(try cursor.readUInt32LE())
                let range = try cursor.take(length)
                values.append(converter.bytes(cursor.bytes[range]))
            }
        case .fixedLenByteArray:
            let length = leaf.typeLength ?? 0
            for _ in 0..<count {
                let range = try cursor.take(length)
                values.append(converter.bytes(cursor.bytes[range]))
            }
        default:
            throw cursor.corrupt("invalid physical type \(physical)")
        }
    }
}
