/// A hash fed bytes in pieces: the conveniences ``SHA1`` and ``SHA256`` share on top of their raw `update`.
public protocol ByteHasher {
    /// Feeds raw bytes.
    mutating func update(_ bytes: UnsafeRawBufferPointer)
}

extension ByteHasher {
    /// Feeds bytes.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Feeds the UTF-8 bytes of a string.
    public mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }
}

/// The framing SHA-1 and SHA-256 share (FIPS 180-4): the message cut into 64-byte blocks, the last one padded with
/// `0x80`, zeros and the message's bit length as a big-endian 64-bit integer. The hash's compression function
/// receives each block in order.
struct MessageBlocks: Sendable {
    /// Bytes waiting for a full block.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    init() {
        pending.reserveCapacity(64)
    }

    /// Adds bytes to the message, handing `compress` every block they complete.
    mutating func append(_ bytes: UnsafeRawBufferPointer, _ compress: (UnsafeRawBufferPointer) -> Void) {
        length &+= UInt64(bytes.count)
        var index = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            index = take
            if pending.count == 64 {
                pending.withUnsafeBytes { compress($0) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        while bytes.count - index >= 64 {
            compress(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + 64)]))
            index += 64
        }
        if index < bytes.count { pending.append(contentsOf: bytes[index...]) }
    }

    /// Pads the message and hands `compress` its last blocks. Call it once.
    mutating func finish(_ compress: (UnsafeRawBufferPointer) -> Void) {
        let bitLength = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBytes { raw in
            for offset in stride(from: 0, to: raw.count, by: 64) {
                compress(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + 64)]))
            }
        }
        pending.removeAll()
    }

    /// Loads a block's sixteen big-endian words into `w[0..<16]`.
    static func loadWords(_ block: UnsafeRawBufferPointer, into w: UnsafeMutableBufferPointer<UInt32>) {
        for index in 0..<16 {
            w[index] =
                UInt32(block[index * 4]) << 24 | UInt32(block[index * 4 + 1]) << 16
                | UInt32(block[index * 4 + 2]) << 8 | UInt32(block[index * 4 + 3])
        }
    }

    /// The words as lowercase hex, most significant digit first.
    static func hex(_ words: [UInt32]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(words.count * 8)
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) { hex.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
