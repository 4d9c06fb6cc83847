import Distilabel
import Testing

@Suite struct SHA256Tests {
    /// FIPS 180-4 and NIST example vectors, and the prompt_id of Python distilabel's docstring example.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
        ("What's 2+2?", "7762ecf17ad41479767061a8f4a7bfa3b63d371672af5180872f9b82b4cd4e29"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func aMillionAs() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Feeding the bytes in pieces of any size gives the digest of feeding them at once, across block boundaries.
    @Test(arguments: [1, 3, 55, 56, 63, 64, 65, 127])
    func piecesGiveTheSameDigest(pieceSize: Int) {
        var generator = SplitMix64(seed: UInt64(pieceSize))
        let bytes = (0..<300).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 300] {
            var whole = SHA256()
            whole.update(bytes[..<length])
            var pieces = SHA256()
            var start = 0
            while start < length {
                pieces.update(bytes[start..<min(start + pieceSize, length)])
                start += pieceSize
            }
            #expect(pieces.hexDigest() == whole.hexDigest(), "length \(length)")
        }
    }
}
