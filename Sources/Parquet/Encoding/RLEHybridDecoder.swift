/// Decodes the RLE / bit-packed hybrid encoding used for levels, dictionary indices and RLE booleans.
enum RLEHybridDecoder {
    /// Decodes `count` values of `bitWidth` bits from the cursor's bytes (up to its end).
    ///
    /// A final bit-packed run may be shorter than its header says (writers pad it); missing bytes read as zero.
    static func decode(_ cursor: inout ByteCursor, bitWidth: Int, count: Int) throws -> [UInt32] {
        guard (0...32).contains(bitWidth) else { throw cursor.corrupt("invalid bit width \(bitWidth) (maximum 32)") }
        var result: [UInt32] = []
        result.reserveCapacity(min(count, 1 << 20))
        let valueBytes = (bitWidth + 7) / 8
        while result.count < count {
            guard cursor.remaining > 0 else {
                throw cursor.corrupt("RLE/bit-packed data ends after \(result.count) of \(count) values")
            }
            let header = try cursor.readVarint()
            if header & 1 == 0 {
                let runLength = Int(min(header >> 1, UInt64(count - result.count)))
                var value: UInt32 = 0
                for index in 0..<valueBytes { value |= UInt32(try cursor.readByte()) << (8 * UInt32(index)) }
                result.append(contentsOf: repeatElement(value, count: runLength))
            } else {
                let groups = Int(min(header >> 1, UInt64(Int32.max)))
                let available = min(groups * bitWidth, cursor.remaining)
                let base = cursor.position
                let values = min(groups * 8, count - result.count)
                if bitWidth == 0 {
                    result.append(contentsOf: repeatElement(0, count: values))
                } else {
                    for index in 0..<values {
                        result.append(UInt32(cursor.bits(at: base, bitOffset: index * bitWidth, width: bitWidth)))
                    }
                }
                cursor.position += available
            }
        }
        return result
    }

    /// The number of bits needed to store values up to `maximum`.
    static func bitWidth(for maximum: Int) -> Int {
        maximum <= 0 ? 0 : Int.bitWidth - maximum.leadingZeroBitCount
    }

    /// The deprecated BIT_PACKED level encoding: values packed from the most significant bit, no header.
    /// `bytes` must hold `count × bitWidth` bits.
    static func decodeLegacyBitPacked(_ bytes: ArraySlice<UInt8>, bitWidth: Int, count: Int) -> [UInt32] {
        var levels: [UInt32] = []
        levels.reserveCapacity(count)
        for index in 0..<count {
            var value: UInt32 = 0
            for bit in 0..<bitWidth {
                let position = index * bitWidth + bit
                let byte = bytes[bytes.startIndex + position / 8]
                value = value << 1 | UInt32(byte >> UInt8(7 - position % 8) & 1)
            }
            levels.append(value)
        }
        return levels
    }
}
