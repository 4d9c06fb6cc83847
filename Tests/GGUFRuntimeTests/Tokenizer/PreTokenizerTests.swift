import GGUFRuntime
import Testing

/// A string and its pieces under both pre-tokenizers, as Python's `regex` module splits it with the GPT-2 pattern
/// (and, for `smollm`, after splitting off every `\\p{N}` character).
struct PreTokenizerCase: Sendable, CustomTestStringConvertible {
    var text: String
    var gpt2: [String]
    var smollm: [String]

    var testDescription: String { text.debugDescription }
}

@Suite struct PreTokenizerTests {
    static let cases: [PreTokenizerCase] = [
        PreTokenizerCase(
            text: "Hello world",
            gpt2: ["Hello", " world"],
            smollm: ["Hello", " world"]
        ),
        PreTokenizerCase(
            text: "  two  spaces\n\n\tthen",
            gpt2: [" ", " two", " ", " spaces", "\n\n", "\t", "then"],
            smollm: [" ", " two", " ", " spaces", "\n\n", "\t", "then"]
        ),
        PreTokenizerCase(
            text: "it's I'LL we'd 'sup",
            gpt2: ["it", "'s", " I", "'", "LL", " we", "'d", " '", "sup"],
            smollm: ["it", "'s", " I", "'", "LL", " we", "'d", " '", "sup"]
        ),
        PreTokenizerCase(
            text: "x=1+2.5e-3;",
            gpt2: ["x", "=", "1", "+", "2", ".", "5", "e", "-", "3", ";"],
            smollm: ["x", "=", "1", "+", "2", ".", "5", "e", "-", "3", ";"]
        ),
        PreTokenizerCase(
            text: "a\u{a0}b\u{3000}c",
            gpt2: ["a", "\u{a0}", "b", "\u{3000}", "c"],
            smollm: ["a", "\u{a0}", "b", "\u{3000}", "c"]
        ),
        PreTokenizerCase(
            text: "end   ",
            gpt2: ["end", "   "],
            smollm: ["end", "   "]
        ),
        PreTokenizerCase(
            text: "\n",
            gpt2: ["\n"],
            smollm: ["\n"]
        ),
        PreTokenizerCase(
            text: "naïve ñ 中文 ١٢٣ ²",
            gpt2: ["naïve", " ñ", " 中文", " ١٢٣", " ²"],
            smollm: ["naïve", " ñ", " 中文", " ", "١", "٢", "٣", " ", "²"]
        ),
        PreTokenizerCase(
            text: "!!! ??",
            gpt2: ["!!!", " ??"],
            smollm: ["!!!", " ??"]
        ),
        PreTokenizerCase(
            text: "tab\t\tx",
            gpt2: ["tab", "\t", "\t", "x"],
            smollm: ["tab", "\t", "\t", "x"]
        ),
        PreTokenizerCase(
            text: "emoji 😀👍🏽!",
            gpt2: ["emoji", " 😀👍🏽!"],
            smollm: ["emoji", " 😀👍🏽!"]
        ),
        PreTokenizerCase(
            text: "''s",
            gpt2: ["''", "s"],
            smollm: ["''", "s"]
        ),
        PreTokenizerCase(
            text: "a 1 b 22",
            gpt2: ["a", " 1", " b", " 22"],
            smollm: ["a", " ", "1", " b", " ", "2", "2"]
        ),
    ]

    @Test(arguments: cases)
    func splitsLikeTheRegex(_ example: PreTokenizerCase) {
        #expect(PreTokenizer.gpt2.pieces(of: example.text) == example.gpt2)
        #expect(PreTokenizer.digitsThenGPT2.pieces(of: example.text) == example.smollm)
    }

    @Test func namesFromGGUF() {
        #expect(PreTokenizer(ggufName: "smollm") == .digitsThenGPT2)
        #expect(PreTokenizer(ggufName: nil) == .gpt2)
        #expect(PreTokenizer(ggufName: "llama-bpe") == nil)
    }
}
