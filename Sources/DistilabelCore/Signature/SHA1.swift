/// SHA-1, used for signatures and cache keys (identifiers, not security): 40 hex characters like Python
/// distilabel's signatures.
public struct SHA1: ByteHasher, Sendable {
    private var h0: UInt32 = 0x6745_2301
    private var h1: UInt32 = 0xEFCD_AB89
    private var h2: UInt32 = 0x98BA_DCFE
    private var h3: UInt32 = 0x1032_5476
    private var h4: UInt32 = 0xC3D2_E1F0
    private var blocks = MessageBlocks()

    public init() {}

    /// Feeds raw bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var state = (h0, h1, h2, h3, h4)
        blocks.append(bytes) { Self.compress(&state, $0) }
        (h0, h1, h2, h3, h4) = state
    }

    /// The digest as 40 lowercase hex characters. Call it once: it pads the message.
    public mutating func hexDigest() -> String {
        var state = (h0, h1, h2, h3, h4)
        blocks.finish { Self.compress(&state, $0) }
        (h0, h1, h2, h3, h4) = state
        return MessageBlocks.hex([h0, h1, h2, h3, h4])
    }

    /// The hex digest of a string's UTF-8 bytes.
    public static func hex(_ string: String) -> String {
        var hasher = SHA1()
        hasher.update(string)
        return hasher.hexDigest()
    }

    private static func compress(
        _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32), _ block: UnsafeRawBufferPointer
    ) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            MessageBlocks.loadWords(block, into: w)
            for index in 16..<80 {
                let x = w[index - 3] ^ w[index - 8] ^ w[index - 14] ^ w[index - 16]
                w[index] = x << 1 | x >> 31
            }
            var (a, b, c, d, e) = state
            for index in 0..<80 {
                let f: UInt32
                let k: UInt32
                if index < 20 {
                    f = (b & c) | (~b & d)
                    k = 0x5A82_7999
                } else if index < 40 {
                    f = b ^ c ^ d
                    k = 0x6ED9_EBA1
                } else if index < 60 {
                    f = (b & c) | (b & d) | (c & d)
                    k = 0x8F1B_BCDC
                } else {
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
}
