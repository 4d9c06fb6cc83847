/// PLAIN encoding of a range of buffered values: little-endian fixed-width numbers, bit-packed booleans and
/// length-prefixed byte arrays.
enum PlainEncoder {
    static func encode(_ column: ColumnBuffer, physicalType: PhysicalType, range: Range<Int>, into out: inout [UInt8]) {
        switch physicalType {
        case .boolean:
            var byte: UInt8 = 0
            var bit = 0
            for index in range {
                if column.booleans[index] { byte |= 1 << UInt8(bit) }
                bit += 1
                if bit == 8 {
                    out.append(byte)
                    byte = 0
                    bit = 0
                }
            }
            if bit > 0 { out.append(byte) }
        case .int32: appendRaw(column.int32s[range], to: &out)
        case .int64: appendRaw(column.int64s[range], to: &out)
        case .float: appendRaw(column.floats[range], to: &out)
        case .double: appendRaw(column.doubles[range], to: &out)
        default:
            out.reserveCapacity(
                out.count + 4 * range.count + column.offsets[range.upperBound] - column.offsets[range.lowerBound])
            column.bytes.withUnsafeBufferPointer { bytes in
                for index in range {
                    let start = column.offsets[index]
                    let end = column.offsets[index + 1]
                    appendLength(end - start, to: &out)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
            }
        }
    }

    /// Appends the in-memory bytes of fixed-width values (every platform Swift runs on is little-endian).
    static func appendRaw<T>(_ values: ArraySlice<T>, to out: inout [UInt8]) {
        values.withUnsafeBytes { out.append(contentsOf: $0) }
    }

    @inline(__always)
    static func appendLength(_ length: Int, to out: inout [UInt8]) {
        let value = UInt32(truncatingIfNeeded: length)
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value >> 16))
        out.append(UInt8(truncatingIfNeeded: value >> 24))
    }
}
