import GGUFRuntime
import Testing

/// A toy vocabulary built from arrays: every byte, a few merges and two control tokens.
@Suite struct BPETokenizerTests {
    /// The GPT-2 spelling of a byte.
    static func spelling(_ byte: UInt8) -> String {
        let printable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
        if printable { return String(Unicode.Scalar(byte)) }
        var next: UInt32 = 256
        for candidate in 0..<Int(byte) {
            let other = UInt8(candidate)
            let otherPrintable =
                (0x21...0x7E).contains(other) || (0xA1...0xAC).contains(other) || (0xAE...0xFF).contains(other)
            if !otherPrintable { next += 1 }
        }
        return String(Unicode.Scalar(next)!)
    }

    static func makeTokenizer() throws -> BPETokenizer {
        var tokens = ["<|end|>", "<|start|>"]
        var types: [Int32] = [3, 3]
        for byte in 0...255 {
            tokens.append(spelling(UInt8(byte)))
            types.append(1)
        }
        let merges = ["h e", "l l", "he ll", "hell o", "Ġ w", "Ġw o"]
        for merge in merges {
            tokens.append(String(merge.filter { $0 != " " }))
            types.append(1)
        }
        return try BPETokenizer(
            tokens: tokens, tokenTypes: types, merges: merges, preTokenizer: .gpt2, eosTokenID: 0)
    }

    @Test func mergesByRank() throws {
        let tokenizer = try Self.makeTokenizer()
        let ids = tokenizer.encode("hello wo")
        #expect(ids.map { tokenizer.tokens[Int($0)] } == ["hello", "Ġwo"])
        #expect(tokenizer.decode(ids) == "hello wo")
    }

    @Test func controlTokensOnlyWhenParsingSpecial() throws {
        let tokenizer = try Self.makeTokenizer()
        let special = tokenizer.encode("<|start|>he<|end|>", parseSpecial: true)
        #expect(special.first == 1 && special.last == 0)
        let plain = tokenizer.encode("<|start|>he<|end|>", parseSpecial: false)
        #expect(!plain.contains(0) && !plain.contains(1))
        #expect(tokenizer.decode(plain) == "<|start|>he<|end|>")
        #expect(tokenizer.decode(special, renderSpecial: false) == "he")
        #expect(tokenizer.endOfGenerationTokenIDs == [0])
    }

    @Test func byteFallbackRoundTripsAnyUTF8() throws {
        let tokenizer = try Self.makeTokenizer()
        let text = "naïve 😀 \u{1F44D}\u{1F3FD}\t\r\n"
        #expect(tokenizer.decode(tokenizer.encode(text)) == text)
    }

    @Test func streamingHoldsBackSplitCharacters() throws {
        let tokenizer = try Self.makeTokenizer()
        let ids = tokenizer.encode("a😀b")
        #expect(ids.count == 6)
        var detokenizer = StreamingDetokenizer(tokenizer: tokenizer)
        let pieces = ids.map { detokenizer.append($0) }
        #expect(pieces == ["a", "", "", "", "😀", "b"])
        #expect(detokenizer.finish() == "")
    }

    @Test func streamingFlushesAnIncompleteTail() throws {
        let tokenizer = try Self.makeTokenizer()
        let ids = Array(tokenizer.encode("😀").prefix(2))
        var detokenizer = StreamingDetokenizer(tokenizer: tokenizer)
        #expect(ids.map { detokenizer.append($0) } == ["", ""])
        #expect(detokenizer.finish() == "\u{FFFD}")
    }

    @Test func malformedMergeIsReported() {
        #expect(throws: GGUFError.self) {
            try BPETokenizer(tokens: ["a"], tokenTypes: [1], merges: ["nospace"])
        }
    }
}
