/// A byte-level BPE tokenizer, as GPT-2-style GGUF models (`tokenizer.ggml.model` = `gpt2`) define it.
///
/// Encoding splits text at special tokens, pre-tokenizes each stretch of ordinary text (``PreTokenizer``), spells
/// each piece's UTF-8 bytes with GPT-2's byte-to-Unicode map and applies the merges in rank order. It reproduces
/// llama.cpp's tokenizer for the same vocabulary.
///
/// ```swift
/// let tokenizer = try BPETokenizer(metadata: file.metadata)
/// let ids = tokenizer.encode("<|im_start|>user\nHi<|im_end|>", parseSpecial: true)
/// let text = tokenizer.decode(ids)
/// ```
public struct BPETokenizer: Sendable {
    /// Token spellings as the vocabulary stores them (bytes written with GPT-2's byte-to-Unicode map).
    public let tokens: [String]
    /// The type of each token.
    public let tokenTypes: [TokenType]
    /// How ordinary text is split before merging.
    public let preTokenizer: PreTokenizer
    /// The beginning-of-sequence token, if the vocabulary names one.
    public let bosTokenID: Int32?
    /// The end-of-sequence token, if the vocabulary names one.
    public let eosTokenID: Int32?
    /// Whether prompts start with the BOS token (`tokenizer.ggml.add_bos_token`).
    public let addBOS: Bool
    /// Tokens that end generation: end of sequence, end of turn and the end-of-text tokens llama.cpp recognises by
    /// their text (the same rule gives ``LlamaModel/endOfGenerationTokens``).
    public let endOfGenerationTokenIDs: Set<Int32>

    private let idForToken: [String: Int32]
    /// Merge rank and result for a pair of symbols, keyed by `left << 32 | right`.
    private let merges: [UInt64: (rank: Int32, result: Int32)]
    /// Bytes of each symbol; symbols past the vocabulary are merge results the vocabulary lacks.
    private let symbolBytes: [[UInt8]]
    /// The symbol for each single byte.
    private let byteSymbols: [Int32]
    /// The bytes each token decodes to (control tokens: their text).
    private let tokenBytes: [[UInt8]]

    func tokenBytesForID(_ id: Int32) -> [UInt8] { tokenBytes[Int(id)] }
    /// Special tokens recognised in text, longest first.
    private let specialTokens: [(text: [Unicode.Scalar], id: Int32, isControl: Bool)]

    /// Builds a tokenizer from vocabulary arrays.
    ///
    /// - Parameters:
    ///   - tokens: token spellings, indexed by id.
    ///   - tokenTypes: raw `token_type` values (missing entries count as normal).
    ///   - merges: merge rules `"left right"`, highest priority first.
    /// - Throws: ``GGUFError/tokenizerMetadata(key:problem:)`` for malformed merges.
    public init(
        tokens: [String],
        tokenTypes: [Int32],
        merges mergeRules: [String],
        preTokenizer: PreTokenizer = .gpt2,
        bosTokenID: Int32? = nil,
        eosTokenID: Int32? = nil,
        endOfTurnTokenIDs: [Int32] = [],
        addBOS: Bool = false
    ) throws(GGUFError) {
        self.tokens = tokens
        self.tokenTypes = tokens.indices.map {
            $0 < tokenTypes.count ? TokenType(rawValue: tokenTypes[$0]) ?? .normal : .normal
        }
        self.preTokenizer = preTokenizer
        self.bosTokenID = bosTokenID
        self.eosTokenID = eosTokenID
        self.addBOS = addBOS

        var idForToken: [String: Int32] = [:]
        idForToken.reserveCapacity(tokens.count)
        for (id, token) in tokens.enumerated() where idForToken[token] == nil { idForToken[token] = Int32(id) }
        self.idForToken = idForToken

        var symbolBytes = tokens.map { ByteUnicodeMap.decode($0) }
        var extraSymbols: [String: Int32] = [:]
        func symbol(_ spelling: String) -> Int32 {
            if let id = idForToken[spelling] ?? extraSymbols[spelling] { return id }
            let id = Int32(symbolBytes.count)
            symbolBytes.append(ByteUnicodeMap.decode(spelling))
            extraSymbols[spelling] = id
            return id
        }
        byteSymbols = (0..<256).map { symbol(String(ByteUnicodeMap.scalarForByte[$0])) }
        var merges: [UInt64: (rank: Int32, result: Int32)] = [:]
        merges.reserveCapacity(mergeRules.count)
        for (rank, rule) in mergeRules.enumerated() {
            let parts = rule.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .tokenizerMetadata(
                    key: "tokenizer.ggml.merges", problem: "merge \(rank) '\(rule)' is not 'left right'")
            }
            let left = symbol(String(parts[0]))
            let right = symbol(String(parts[1]))
            let key = UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))
            if merges[key] == nil { merges[key] = (Int32(rank), symbol(String(parts[0] + parts[1]))) }
        }
        self.merges = merges
        self.symbolBytes = symbolBytes

        let types = self.tokenTypes
        tokenBytes = tokens.indices.map { id in
            switch types[id] {
            case .control, .userDefined, .unknown, .unused: return Array(tokens[id].utf8)
            case .byte: return Self.byteTokenValue(tokens[id]).map { [$0] } ?? Array(tokens[id].utf8)
            default: return symbolBytes[id]
            }
        }
        specialTokens = tokens.indices
            .filter { (types[$0] == .control || types[$0] == .userDefined) && !tokens[$0].isEmpty }
            .map { (Array(tokens[$0].unicodeScalars), Int32($0), types[$0] == .control) }
            .sorted { $0.text.count > $1.text.count || ($0.text.count == $1.text.count && $0.id < $1.id) }

        endOfGenerationTokenIDs = EndOfGeneration.tokenIDs(
            tokens: tokens, types: types, eos: eosTokenID, endOfTurn: endOfTurnTokenIDs)
    }

    private static func byteTokenValue(_ token: String) -> UInt8? {
        guard token.hasPrefix("<0x"), token.hasSuffix(">"), token.count == 6 else { return nil }
        return UInt8(token.dropFirst(3).dropLast(), radix: 16)
    }

    /// The number of tokens in the vocabulary.
    public var vocabularySize: Int { tokens.count }

    /// The id of a token spelled exactly `text` in the vocabulary.
    public func tokenID(_ text: String) -> Int32? { idForToken[text] }

    // MARK: Encoding

    /// Encodes text into token ids.
    ///
    /// - Parameters:
    ///   - text: the text.
    ///   - parseSpecial: whether control tokens written in the text (`<|im_start|>`) become their ids; when false
    ///     they are tokenized as ordinary text. User-defined tokens are recognised either way.
    ///   - addBOS: whether to start with the BOS token; nil follows the vocabulary's ``addBOS``.
    public func encode(_ text: String, parseSpecial: Bool = true, addBOS: Bool? = nil) -> [Int32] {
        var ids: [Int32] = []
        if addBOS ?? self.addBOS, let bosTokenID { ids.append(bosTokenID) }
        let scalars = Array(text.unicodeScalars)
        var fragmentStart = 0
        for special in findSpecialTokens(scalars, parseSpecial: parseSpecial) {
            encodeOrdinary(scalars[fragmentStart..<special.range.lowerBound], into: &ids)
            ids.append(special.id)
            fragmentStart = special.range.upperBound
        }
        encodeOrdinary(scalars[fragmentStart..<scalars.count], into: &ids)
        return ids
    }

    /// Occurrences of special tokens, in text order. Longer tokens claim text first, as in llama.cpp.
    private func findSpecialTokens(
        _ scalars: [Unicode.Scalar],
        parseSpecial: Bool
    ) -> [(range: Range<Int>, id: Int32)] {
        var claimed: [(range: Range<Int>, id: Int32)] = []
        var free: [Range<Int>] = [0..<scalars.count]
        for special in specialTokens where parseSpecial || !special.isControl {
            let pattern = special.text
            var stillFree: [Range<Int>] = []
            for range in free {
                var start = range.lowerBound
                var index = range.lowerBound
                while index + pattern.count <= range.upperBound {
                    if scalars[index] == pattern[0] && scalars[index..<index + pattern.count].elementsEqual(pattern) {
                        if start < index { stillFree.append(start..<index) }
                        claimed.append((index..<index + pattern.count, special.id))
                        index += pattern.count
                        start = index
                    } else {
                        index += 1
                    }
                }
                if start < range.upperBound { stillFree.append(start..<range.upperBound) }
            }
            free = stillFree
        }
        return claimed.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func encodeOrdinary(_ scalars: ArraySlice<Unicode.Scalar>, into ids: inout [Int32]) {
        guard !scalars.isEmpty else { return }
        let text = Array(scalars)
        for piece in preTokenizer.split(text) {
            var bytes: [UInt8] = []
            for scalar in text[piece] { bytes.append(contentsOf: UTF8.encode(scalar)!) }
            encodePiece(bytes, into: &ids)
        }
    }

    /// Applies the merges to one piece: repeatedly merge the adjacent pair with the lowest rank, leftmost first.
    ///
    /// Candidate pairs wait in a min-heap ordered by (rank, position); a popped pair is used only if both symbols
    /// are still the ones it was made from, so each merge costs O(log n) and long pieces stay fast.
    private func encodePiece(_ bytes: [UInt8], into ids: inout [Int32]) {
        var symbols = bytes.map { byteSymbols[Int($0)] }
        if symbols.count > 1 {
            symbols = mergeSymbols(symbols)
        }
        for symbol in symbols {
            if Int(symbol) < tokens.count {
                ids.append(symbol)
            } else {
                for byte in symbolBytes[Int(symbol)] {
                    let fallback = byteSymbols[Int(byte)]
                    if Int(fallback) < tokens.count { ids.append(fallback) }
                }
            }
        }
    }

    private func mergeRule(_ left: Int32, _ right: Int32) -> (rank: Int32, result: Int32)? {
        merges[UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))]
    }

    private func mergeSymbols(_ initial: [Int32]) -> [Int32] {
        var symbols = initial
        var next = Array(1...symbols.count)
        var previous = Array(-1..<symbols.count - 1)
        var alive = [Bool](repeating: true, count: symbols.count)
        var heap = MergeHeap()
        for index in 0..<symbols.count - 1 {
            if let rule = mergeRule(symbols[index], symbols[index + 1]) {
                heap.push(
                    MergeCandidate(
                        rank: rule.rank, left: index, leftSymbol: symbols[index],
                        rightSymbol: symbols[index + 1]))
            }
        }
        while let candidate = heap.pop() {
            let left = candidate.left
            let right = next[left]
            guard alive[left], right < symbols.count, symbols[left] == candidate.leftSymbol,
                symbols[right] == candidate.rightSymbol,
                let rule = mergeRule(symbols[left], symbols[right]), rule.rank == candidate.rank
            else { continue }
            symbols[left] = rule.result
            alive[right] = false
            next[left] = next[right]
            if next[right] < symbols.count { previous[next[right]] = left }
            let before = previous[left]
            if before >= 0, let rule = mergeRule(symbols[before], symbols[left]) {
                heap.push(
                    MergeCandidate(
                        rank: rule.rank, left: before, leftSymbol: symbols[before],
                        rightSymbol: symbols[left]))
            }
            let after = next[left]
            if after < symbols.count, let rule = mergeRule(symbols[left], symbols[after]) {
                heap.push(
                    MergeCandidate(
                        rank: rule.rank, left: left, leftSymbol: symbols[left],
                        rightSymbol: symbols[after]))
            }
        }
        return symbols.indices.filter { alive[$0] }.map { symbols[$0] }
    }
}
