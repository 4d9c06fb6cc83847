/// The Snappy raw block format: a varint length, then literals and back-references.
///
/// The compressor hashes 4-byte sequences of each 64 KiB block into a table of earlier positions and emits a copy
/// wherever one matches, which is what the reference implementation does (without its SIMD tricks).
enum Snappy {
    private static let blockSize = 1 << 16
    private static let tableBits = 14

    static func compress(_ input: [UInt8]) -> [UInt8] {
        let capacity = 32 + input.count + input.count / 6
        return [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
            var out = 0
            var length = UInt64(input.count)
            while length >= 0x80 {
                output[out] = UInt8(truncatingIfNeeded: length) | 0x80
                out += 1
                length >>= 7
            }
            output[out] = UInt8(length)
            out += 1
            input.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                var table = [UInt16](repeating: 0, count: 1 << tableBits)
                table.withUnsafeMutableBufferPointer { table in
                    var start = 0
                    while start < source.count {
                        let end = min(start + blockSize, source.count)
                        if start > 0 { table.update(repeating: 0) }
                        compressBlock(base, start: start, end: end, table: table, output: output, out: &out)
                        start = end
                    }
                }
            }
            count = out
        }
    }

    @inline(__always)
    private static func load32(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt32 {
        UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self)
    }

    @inline(__always)
    private static func hash(_ value: UInt32) -> Int {
        Int((value &* 0x1E35_A7BD) >> UInt32(32 - tableBits))
    }

    private static func compressBlock(
        _ src: UnsafePointer<UInt8>, start: Int, end: Int, table: UnsafeMutableBufferPointer<UInt16>,
        output: UnsafeMutableBufferPointer<UInt8>, out: inout Int
    ) {
        var nextEmit = start
        if end - start >= 15 {
            let limit = end - 4
            var ip = start + 1
            var skip = 32
            while ip < limit {
                let current = load32(src, ip)
                let h = hash(current)
                let candidate = start + Int(table[h])
                table[h] = UInt16(truncatingIfNeeded: ip - start)
                guard candidate < ip, load32(src, candidate) == current else {
                    ip += skip >> 5
                    skip += 1
                    continue
                }
                skip = 32
                emitLiteral(src, from: nextEmit, to: ip, output: output, out: &out)
                let length = 4 + matchLength(src, candidate + 4, ip + 4, end: end)
                emitCopy(offset: ip - candidate, length: length, output: output, out: &out)
                ip += length
                nextEmit = ip
                if ip < limit {
                    let previous = ip - 1
                    table[hash(load32(src, previous))] = UInt16(truncatingIfNeeded: previous - start)
                }
            }
        }
        emitLiteral(src, from: nextEmit, to: end, output: output, out: &out)
    }

    /// How many bytes from `a` equal those from `b` (with `a < b`), up to `end`; eight bytes a step.
    @inline(__always)
    private static func matchLength(_ src: UnsafePointer<UInt8>, _ a: Int, _ b: Int, end: Int) -> Int {
        let raw = UnsafeRawPointer(src)
        var length = 0
        while b + length + 8 <= end {
            let difference =
                raw.loadUnaligned(fromByteOffset: a + length, as: UInt64.self)
                ^ raw.loadUnaligned(fromByteOffset: b + length, as: UInt64.self)
            if difference != 0 { return length + difference.littleEndian.trailingZeroBitCount >> 3 }
            length += 8
        }
        while b + length < end, src[a + length] == src[b + length] { length += 1 }
        return length
    }

    @inline(__always)
    private static func emitLiteral(
        _ src: UnsafePointer<UInt8>, from: Int, to: Int, output: UnsafeMutableBufferPointer<UInt8>, out: inout Int
    ) {
        let count = to - from
        guard count > 0 else { return }
        let n = count - 1
        if n < 60 {
            output[out] = UInt8(n << 2)
            out += 1
        } else {
            var bytes = 0
            var rest = n
            while rest > 0 {
                bytes += 1
                rest >>= 8
            }
            output[out] = UInt8((59 + bytes) << 2)
            out += 1
            for i in 0..<bytes {
                output[out] = UInt8(truncatingIfNeeded: n >> (8 * i))
                out += 1
            }
        }
        (output.baseAddress! + out).update(from: src + from, count: count)
        out += count
    }

    @inline(__always)
    private static func emitCopy(offset: Int, length: Int, output: UnsafeMutableBufferPointer<UInt8>, out: inout Int) {
        var length = length
        while length >= 68 {
            emitCopyAtMost64(offset: offset, length: 64, output: output, out: &out)
            length -= 64
        }
        if length > 64 {
            emitCopyAtMost64(offset: offset, length: 60, output: output, out: &out)
            length -= 60
        }
        emitCopyAtMost64(offset: offset, length: length, output: output, out: &out)
    }

    @inline(__always)
    private static func emitCopyAtMost64(
        offset: Int, length: Int, output: UnsafeMutableBufferPointer<UInt8>, out: inout Int
    ) {
        if length < 12, length >= 4, offset < 2048 {
            output[out] = UInt8(0x01 | ((length - 4) << 2) | ((offset >> 8) << 5))
            output[out + 1] = UInt8(truncatingIfNeeded: offset)
            out += 2
        } else {
            output[out] = UInt8(0x02 | ((length - 1) << 2))
            output[out + 1] = UInt8(truncatingIfNeeded: offset)
            output[out + 2] = UInt8(truncatingIfNeeded: offset >> 8)
            out += 3
        }
    }

    static func decompress(_ input: ArraySlice<UInt8>, uncompressedSize: Int) throws -> [UInt8] {
        func failure(_ reason: String) -> ParquetError {
            ParquetError.compression(
                codec: ParquetCompression.snappy.rawValue, reason: reason)
        }
        return try input.withUnsafeBufferPointer { src in
            var ip = 0
            var declared: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard ip < src.count else { throw failure("truncated length header") }
                let byte = src[ip]
                ip += 1
                guard shift < 35 else { throw failure("length header longer than 5 bytes") }
                declared |= UInt64(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 { break }
            }
            guard declared == UInt64(uncompressedSize) else {
                throw failure("the block holds \(declared) bytes but the page declares \(uncompressedSize)")
            }
            var failureReason: String?
            let result = [UInt8](unsafeUninitializedCapacity: uncompressedSize) { dst, count in
                var op = 0
                count = 0
                while ip < src.count {
                    let tag = src[ip]
                    ip += 1
                    var length: Int
                    var offset: Int
                    switch tag & 3 {
                    case 0:
                        length = Int(tag >> 2)
                        if length >= 60 {
                            let bytes = length - 59
                            guard ip + bytes <= src.count else {
                                failureReason = "truncated literal length at byte \(ip)"
                                return
                            }
                            length = 0
                            for i in 0..<bytes { length |= Int(src[ip + i]) << (8 * i) }
                            ip += bytes
                        }
                        length += 1
                        guard length <= src.count - ip, length <= uncompressedSize - op else {
                            failureReason = "literal of \(length) bytes runs past the block at byte \(ip)"
                            return
                        }
                        (dst.baseAddress! + op).update(from: src.baseAddress! + ip, count: length)
                        ip += length
                        op += length
                        count = op
                        continue
                    case 1:
                        guard ip < src.count else {
                            failureReason = "truncated copy at byte \(ip)"
                            return
                        }
                        length = 4 + Int((tag >> 2) & 7)
                        offset = (Int(tag >> 5) << 8) | Int(src[ip])
                        ip += 1
                    case 2:
                        guard ip + 2 <= src.count else {
                            failureReason = "truncated copy at byte \(ip)"
                            return
                        }
                        length = 1 + Int(tag >> 2)
                        offset = Int(src[ip]) | Int(src[ip + 1]) << 8
                        ip += 2
                    default:
                        guard ip + 4 <= src.count else {
                            failureReason = "truncated copy at byte \(ip)"
                            return
                        }
                        length = 1 + Int(tag >> 2)
                        offset = Int(src[ip]) | Int(src[ip + 1]) << 8 | Int(src[ip + 2]) << 16 | Int(src[ip + 3]) << 24
                        ip += 4
                    }
                    guard offset > 0, offset <= op, length <= uncompressedSize - op else {
                        failureReason = "copy of \(length) bytes at distance \(offset) is out of range at byte \(ip)"
                        return
                    }
                    copyMatch(dst.baseAddress!, op: op, offset: offset, length: length)
                    op += length
                    count = op
                }
                if op != uncompressedSize {
                    failureReason = "the block ends after \(op) of \(uncompressedSize) bytes"
                }
            }
            if let failureReason { throw failure(failureReason) }
            return result
        }
    }
}

/// Copies `length` bytes from `offset` bytes back, byte by byte when the two ranges overlap.
@inline(__always)
func copyMatch(_ dst: UnsafeMutablePointer<UInt8>, op: Int, offset: Int, length: Int) {
    if offset >= length {
        (dst + op).update(from: dst + op - offset, count: length)
    } else {
        var from = op - offset
        for i in op..<(op + length) {
            dst[i] = dst[from]
            from += 1
        }
    }
}
