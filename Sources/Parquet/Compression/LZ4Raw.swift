/// The LZ4 block format (Parquet's LZ4_RAW): sequences of literals followed by a back-reference.
///
/// The compressor is a greedy single-probe hash matcher that keeps the format's end-of-block rules: the last five
/// bytes are literals and no match starts in the last twelve.
enum LZ4Raw {
    private static let tableBits = 14
    private static let minMatch = 4
    private static let lastLiterals = 5
    private static let matchLimit = 12
    private static let maxOffset = 65535

    static func compress(_ input: [UInt8]) -> [UInt8] {
        let capacity = input.count + input.count / 255 + 16
        return [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
            var out = 0
            input.withUnsafeBufferPointer { source in
                guard let src = source.baseAddress else {
                    output[0] = 0
                    out = 1
                    return
                }
                let end = source.count
                var anchor = 0
                if end > matchLimit {
                    var table = [Int32](repeating: -1, count: 1 << tableBits)
                    table.withUnsafeMutableBufferPointer { table in
                        let limit = end - matchLimit
                        var ip = 0
                        var skip = 64
                        while ip < limit {
                            let current = UnsafeRawPointer(src + ip).loadUnaligned(as: UInt32.self)
                            let h = Int((current &* 2_654_435_761) >> UInt32(32 - tableBits))
                            let candidate = Int(table[h])
                            table[h] = Int32(ip)
                            guard candidate >= 0, ip - candidate <= maxOffset,
                                UnsafeRawPointer(src + candidate).loadUnaligned(as: UInt32.self) == current
                            else {
                                ip += skip >> 6
                                skip += 1
                                continue
                            }
                            skip = 64
                            var length = minMatch
                            let matchEnd = end - lastLiterals
                            while ip + length < matchEnd, src[candidate + length] == src[ip + length] { length += 1 }
                            emitSequence(
                                src, literalsFrom: anchor, literalsTo: ip, offset: ip - candidate,
                                matchLength: length, output: output, out: &out)
                            ip += length
                            anchor = ip
                        }
                    }
                }
                emitSequence(
                    src, literalsFrom: anchor, literalsTo: end, offset: 0, matchLength: 0, output: output, out: &out)
            }
            count = out
        }
    }

    @inline(__always)
    private static func emitSequence(
        _ src: UnsafePointer<UInt8>, literalsFrom: Int, literalsTo: Int, offset: Int, matchLength: Int,
        output: UnsafeMutableBufferPointer<UInt8>, out: inout Int
    ) {
        let literals = literalsTo - literalsFrom
        let tokenIndex = out
        out += 1
        var token = UInt8(min(literals, 15)) << 4
        if literals >= 15 { writeLength(literals - 15, output: output, out: &out) }
        (output.baseAddress! + out).update(from: src + literalsFrom, count: literals)
        out += literals
        if matchLength > 0 {
            output[out] = UInt8(truncatingIfNeeded: offset)
            output[out + 1] = UInt8(truncatingIfNeeded: offset >> 8)
            out += 2
            let extra = matchLength - minMatch
            token |= UInt8(min(extra, 15))
            if extra >= 15 { writeLength(extra - 15, output: output, out: &out) }
        }
        output[tokenIndex] = token
    }

    @inline(__always)
    private static func writeLength(_ length: Int, output: UnsafeMutableBufferPointer<UInt8>, out: inout Int) {
        var rest = length
        while rest >= 255 {
            output[out] = 255
            out += 1
            rest -= 255
        }
        output[out] = UInt8(rest)
        out += 1
    }

    static func decompress(_ input: ArraySlice<UInt8>, uncompressedSize: Int) throws -> [UInt8] {
        var failureReason: String?
        let result = input.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: uncompressedSize) { dst, count in
                var ip = 0
                var op = 0
                count = 0
                func readLength(_ initial: Int) -> Int? {
                    var length = initial
                    guard initial == 15 else { return length }
                    while true {
                        guard ip < src.count else { return nil }
                        let byte = src[ip]
                        ip += 1
                        length += Int(byte)
                        if byte != 255 { return length }
                        if length > uncompressedSize { return length }
                    }
                }
                while ip < src.count {
                    let token = src[ip]
                    ip += 1
                    guard let literals = readLength(Int(token >> 4)) else {
                        failureReason = "truncated literal length at byte \(ip)"
                        return
                    }
                    guard literals <= src.count - ip, literals <= uncompressedSize - op else {
                        failureReason = "literals of \(literals) bytes run past the block at byte \(ip)"
                        return
                    }
                    if literals > 0 {
                        (dst.baseAddress! + op).update(from: src.baseAddress! + ip, count: literals)
                    }
                    ip += literals
                    op += literals
                    count = op
                    if ip == src.count { break }  // the last sequence has literals only
                    guard ip + 2 <= src.count else {
                        failureReason = "truncated match offset at byte \(ip)"
                        return
                    }
                    let offset = Int(src[ip]) | Int(src[ip + 1]) << 8
                    ip += 2
                    guard let extra = readLength(Int(token & 15)) else {
                        failureReason = "truncated match length at byte \(ip)"
                        return
                    }
                    let length = extra + minMatch
                    guard offset > 0, offset <= op, length <= uncompressedSize - op else {
                        failureReason = "match of \(length) bytes at distance \(offset) is out of range at byte \(ip)"
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
        }
        if let failureReason {
            throw ParquetError.compression(
                codec: ParquetCompression.lz4Raw.rawValue, reason: failureReason)
        }
        return result
    }
}
