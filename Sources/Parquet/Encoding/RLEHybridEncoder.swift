/// The RLE / bit-packed hybrid encoding of levels and dictionary indices.
///
/// Runs of eight or more equal values become RLE runs; everything else is bit-packed in groups of eight (at most 63
/// groups a run, as parquet-cpp writes them). The last group is padded with zeros; readers stop at the value count.
struct RLEHybridEncoder {
    let bitWidth: Int
    private(set) var bytes: [UInt8] = []

    init(bitWidth: Int) {
        precondition(bitWidth >= 0 && bitWidth <= 32)
        self.bitWidth = bitWidth
    }

    /// The bit width that holds `maximum`.
    static func bitWidth(of maximum: Int) -> Int {
        maximum <= 0 ? 0 : Int.bitWidth - maximum.leadingZeroBitCount
    }

    mutating func encode<C: RandomAccessCollection>(_ values: C) where C.Element: BinaryInteger, C.Index == Int {
        let n = values.endIndex
        var i = values.startIndex
        while i < n {
            let first = values[i]
            var j = i + 1
            while j < n && values[j] == first { j += 1 }
            if j - i >= 8 || j == n {
                writeRLERun(count: j - i, value: UInt32(truncatingIfNeeded: first))
                i = j
                continue
            }
            // Bit-pack groups of eight until a run of eight equal values starts on a group boundary.
            let start = i
            var groups = 0
            repeat {
                i += 8
                groups += 1
                if i >= n { break }
                var k = i + 1
                while k < n && k - i < 8 && values[k] == values[i] { k += 1 }
                if k - i >= 8 { break }
            } while groups < 63
            writeBitPacked(values, from: start, count: min(i, n) - start, groups: groups)
            i = min(i, n)
        }
    }

    private mutating func writeVarint(_ value: Int) {
        var value = UInt64(value)
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private mutating func writeRLERun(count: Int, value: UInt32) {
        writeVarint(count << 1)
        var value = value
        for _ in 0..<((bitWidth + 7) / 8) {
            bytes.append(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }

    private mutating func writeBitPacked<C: RandomAccessCollection>(
        _ values: C, from start: Int, count: Int, groups: Int
    ) where C.Element: BinaryInteger, C.Index == Int {
        writeVarint(groups << 1 | 1)
        var accumulator: UInt64 = 0
        var bits = 0
        for index in 0..<(groups * 8) {
            let value = index < count ? UInt64(truncatingIfNeeded: values[start + index]) : 0
            accumulator |= value << UInt64(bits)
            bits += bitWidth
            while bits >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        if bits > 0 { bytes.append(UInt8(truncatingIfNeeded: accumulator)) }
    }
}
