/// Bounds-checked sequential reads from a page buffer. Every failure throws a ``ParquetError/corruptPage``.
struct ByteCursor {
    let bytes: [UInt8]
    var position: Int
    let end: Int
    /// The column being decoded, for error messages.
    let column: String

    init(_ bytes: [UInt8], start: Int = 0, end: Int? = nil, column: String) {
        self.bytes = bytes
        self.position = start
        self.end = min(end ?? bytes.count, bytes.count)
        self.column = column
    }

    var remaining: Int { max(0, end - position) }

    /// An error for the page being decoded; the offset is `-1` until ``ColumnChunkReader`` fills in the page's file
    /// offset, and the reason names the byte within the decoded page.
    func corrupt(_ reason: String) -> ParquetError {
        .corruptPage(column: column, offset: -1, reason: "\(reason) (byte \(position) of the decoded page)")
    }

    mutating func readByte() throws -> UInt8 {
        guard position < end else { throw corrupt("unexpected end of page data") }
        defer { position += 1 }
        return bytes[position]
    }

    /// `count` bytes as a range of ``bytes``.
    mutating func take(_ count: Int) throws -> Range<Int> {
        guard count >= 0, count <= remaining else {
            throw corrupt("needs \(count) bytes but only \(remaining) remain")
        }
        defer { position += count }
        return position..<(position + count)
    }

    mutating func readUInt32LE() throws -> UInt32 {
        let range = try take(4)
        return bytes.withUnsafeBytes {
            UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt32.self))
        }
    }

    mutating func readUInt64LE() throws -> UInt64 {
        let range = try take(8)
        return bytes.withUnsafeBytes {
            UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self))
        }
    }

    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw corrupt("varint longer than 10 bytes") }
        }
    }

    mutating func readZigzagVarint() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// Reads a little-endian, LSB-first packed value of `width` bits starting `bitOffset` bits into `base`.
    func bits(at base: Int, bitOffset: Int, width: Int) -> UInt64 {
        var result: UInt64 = 0
        var got = 0
        var bit = bitOffset
        while got < width {
            let index = base + (bit >> 3)
            let byte = index < end ? bytes[index] : 0
            let offset = bit & 7
            let take = min(8 - offset, width - got)
            let chunk = (UInt64(byte) >> UInt64(offset)) & ((1 << UInt64(take)) - 1)
            result |= chunk << UInt64(got)
            got += take
            bit += take
        }
        return result
    }
}
