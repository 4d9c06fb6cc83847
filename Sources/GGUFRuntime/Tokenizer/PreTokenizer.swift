/// Splits text into the pieces BPE merges within, as llama.cpp's pre-tokenizers do.
///
/// - ``gpt2``: the GPT-2 pattern
///   `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
/// - ``digitsThenGPT2``: every `\p{N}` character becomes a piece of its own, then the GPT-2 pattern applies to the
///   text between them (llama.cpp's `smollm`, `starcoder`, `refact`, `codeshell`, `command-r`, `exaone` and
///   `minerva`).
///
/// The pattern is implemented by hand over Unicode scalars with their general categories (letters are `L*`,
/// numbers `N*`, whitespace is the Unicode `White_Space` property).
public enum PreTokenizer: Sendable, Equatable {
    case gpt2
    case digitsThenGPT2

    /// The pre-tokenizer named by the GGUF key `tokenizer.ggml.pre`, or nil when it is not supported.
    public init?(ggufName: String?) {
        switch ggufName {
        case nil, "default", "gpt2", "gpt-2": self = .gpt2
        case "smollm", "starcoder", "refact", "codeshell", "command-r", "exaone", "minerva": self = .digitsThenGPT2
        default: return nil
        }
    }

    /// The pieces of `text`, in order; concatenated they give `text` back.
    public func pieces(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return split(scalars).map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
    }

    /// The pieces of `scalars`, as ranges.
    func split(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let classes = scalars.map(CharacterClass.init)
        var pieces: [Range<Int>] = []
        switch self {
        case .gpt2:
            Self.splitGPT2(scalars, classes, 0..<scalars.count, into: &pieces)
        case .digitsThenGPT2:
            var start = 0
            for index in scalars.indices where classes[index] == .number {
                Self.splitGPT2(scalars, classes, start..<index, into: &pieces)
                pieces.append(index..<index + 1)
                start = index + 1
            }
            Self.splitGPT2(scalars, classes, start..<scalars.count, into: &pieces)
        }
        return pieces
    }

    enum CharacterClass: Equatable {
        case letter, number, whitespace, other

        init(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                let value = scalar.value
                if (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) {
                    self = .letter
                } else if value >= 0x30 && value <= 0x39 {
                    self = .number
                } else if value == 0x20 || (value >= 0x09 && value <= 0x0D) {
                    self = .whitespace
                } else {
                    self = .other
                }
                return
            }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                self = .letter
            case .decimalNumber, .letterNumber, .otherNumber:
                self = .number
            default:
                self = properties.isWhitespace ? .whitespace : .other
            }
        }
    }

    /// The GPT-2 pattern over `range`, which behaves as a whole string (its end is the end of input).
    private static func splitGPT2(
        _ scalars: [Unicode.Scalar],
        _ classes: [CharacterClass],
        _ range: Range<Int>,
        into pieces: inout [Range<Int>]
    ) {
        let end = range.upperBound
        var position = range.lowerBound
        func cls(_ index: Int) -> CharacterClass? { index < end ? classes[index] : nil }
        while position < end {
            let start = position
            let scalar = scalars[position]
            // 's|'t|'re|'ve|'m|'ll|'d
            if scalar == "'" && position + 1 < end {
                let next = scalars[position + 1]
                if next == "s" || next == "t" || next == "m" || next == "d" {
                    pieces.append(start..<position + 2)
                    position += 2
                    continue
                }
                if position + 2 < end {
                    let third = scalars[position + 2]
                    if (next == "r" && third == "e") || (next == "v" && third == "e") || (next == "l" && third == "l") {
                        pieces.append(start..<position + 3)
                        position += 3
                        continue
                    }
                }
            }
            // ' ?\p{L}+', ' ?\p{N}+', ' ?[^\s\p{L}\p{N}]+'
            let leadsWithSpace = scalar == " " && position + 1 < end
            let runClass = leadsWithSpace ? classes[position + 1] : classes[position]
            if runClass != .whitespace {
                position += leadsWithSpace ? 1 : 0
                while cls(position) == runClass { position += 1 }
                pieces.append(start..<position)
                continue
            }
            // '\s+(?!\S)' then '\s+'
            var runEnd = position
            while cls(runEnd) == .whitespace { runEnd += 1 }
            if runEnd < end && runEnd - position > 1 {
                runEnd -= 1
            }
            pieces.append(start..<runEnd)
            position = runEnd
        }
    }
}
