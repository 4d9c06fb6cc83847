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
                    unpack(cursor, base: base, bitWidth: bitWidth, count: values, into: &result)
                }
                cursor.position += available
            }
        }
        return result
    }

    /// Appends `count` little-endian bit-packed values of `bitWidth` bits starting at byte `base`, reading bytes
    /// through a 64-bit window; bytes past the cursor's end read as zero.
    private static func unpack(
        _ cursor: ByteCursor, base: Int, bitWidth: Int, count: Int, into result: inout [UInt32]
    ) {
        let mask = bitWidth == 32 ? UInt64(UInt32.max) : (UInt64(1) << UInt64(bitWidth)) - 1
        let end = cursor.end
        cursor.bytes.withUnsafeBufferPointer { bytes in
            var window: UInt64 = 0
            var bits = 0
            var next = base
            for _ in 0..<count {
                while bits < bitWidth {
                    let byte = next < end ? bytes[next] : 0
                    window |= UInt64(byte) << UInt64(bits)
                    bits += 8
                    next += 1
                }
                result.append(UInt32(truncatingIfNeeded: window & mask))
                window >>= UInt64(bitWidth)
                bits -= bitWidth
            }
        }
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
