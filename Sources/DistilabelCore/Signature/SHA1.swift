/// SHA-1, used for signatures and cache keys (identifiers, not security): 40 hex characters like Python
/// distilabel's signatures.
public struct SHA1: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0
    )
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    public init() {
        buffer.reserveCapacity(64)
    }

    /// Feeds bytes.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            buffer.append(byte)
            length += 1
            if buffer.count == 64 {
                processBlock()
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Feeds the UTF-8 bytes of a string.
    public mutating func update(_ string: String) {
        update(string.utf8)
    }

    /// The digest as 40 lowercase hex characters.
    public mutating func hexDigest() -> String {
        let bitLength = length &* 8
        update([0x80])
        while buffer.count != 56 { update([0x00]) }
        for shift in stride(from: 56, through: 0, by: -8) {
            buffer.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        processBlock()
        buffer.removeAll()
        let words = [state.0, state.1, state.2, state.3, state.4]
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(40)
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) {
                hex.append(digits[Int((word >> UInt32(shift)) & 0xF)])
            }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The hex digest of a string's UTF-8 bytes.
    public static func hex(_ string: String) -> String {
        var hasher = SHA1()
        hasher.update(string)
        return hasher.hexDigest()
    }

    private mutating func processBlock() {
        var w = [UInt32](repeating: 0, count: 80)
        for index in 0..<16 {
            w[index] =
                UInt32(buffer[index * 4]) << 24 | UInt32(buffer[index * 4 + 1]) << 16
                | UInt32(buffer[index * 4 + 2]) << 8 | UInt32(buffer[index * 4 + 3])
        }
        for index in 16..<80 {
            let x = w[index - 3] ^ w[index - 8] ^ w[index - 14] ^ w[index - 16]
            w[index] = x << 1 | x >> 31
        }
        var (a, b, c, d, e) = state
        for index in 0..<80 {
            let f: UInt32
            let k: UInt32
            switch index {
            case 0..<20:
                f = (b & c) | (~b & d)
                k = 0x5A82_7999
            case 20..<40:
                f = b ^ c ^ d
                k = 0x6ED9_EBA1
            case 40..<60:
                f = (b & c) | (b & d) | (c & d)
                k = 0x8F1B_BCDC
            default:
                f = b ^ c ^ d
                k = 0xCA62_C1D6
            }
            let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[index]
            e = d
            d = c
            c = b << 30 | b >> 2
            b = a
            a = temp
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
    }
}
