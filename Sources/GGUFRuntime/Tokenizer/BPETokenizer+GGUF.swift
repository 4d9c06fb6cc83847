/// Building a tokenizer from GGUF metadata.
extension BPETokenizer {
    /// Reads the tokenizer from a GGUF file's metadata: `tokenizer.ggml.model` (must be `gpt2`), `.pre`, `.tokens`,
    /// `.token_type`, `.merges`, `.bos_token_id`, `.eos_token_id`, `.eot_token_id`, `.eom_token_id` and
    /// `.add_bos_token`.
    ///
    /// - Throws: ``GGUFError/tokenizerMetadata(key:problem:)`` when a key is missing or unsupported.
    public init(metadata: GGUFMetadata) throws(GGUFError) {
        func read<T>(_ key: String, _ body: (String) throws(GGUFError) -> T) throws(GGUFError) -> T {
            do { return try body(key) } catch { throw .tokenizerMetadata(key: key, problem: error.description) }
        }
        func optionalID(_ key: String) -> Int32? {
            metadata[key]?.intValue.flatMap { Int32(exactly: $0) }
        }
        let model = try read("tokenizer.ggml.model") { (key) throws(GGUFError) in try metadata.string(key) }
        guard model == "gpt2" else {
            throw .tokenizerMetadata(
                key: "tokenizer.ggml.model", problem: "'\(model)' is not supported; only byte-level BPE ('gpt2') is")
        }
        let preName = metadata["tokenizer.ggml.pre"]?.stringValue
        guard let preTokenizer = PreTokenizer(ggufName: preName) else {
            throw .tokenizerMetadata(
                key: "tokenizer.ggml.pre", problem: "pre-tokenizer '\(preName ?? "")' is not supported")
        }
        let tokens = try read("tokenizer.ggml.tokens") { (key) throws(GGUFError) in try metadata.strings(key) }
        let merges = try read("tokenizer.ggml.merges") { (key) throws(GGUFError) in try metadata.strings(key) }
        var types: [Int32] = []
        if metadata.contains("tokenizer.ggml.token_type") {
            types = try read("tokenizer.ggml.token_type") { (key) throws(GGUFError) in try metadata.int32s(key) }
        }
        let endOfTurn = ["tokenizer.ggml.eot_token_id", "tokenizer.ggml.eom_token_id"].compactMap(optionalID)
        let addBOS = metadata["tokenizer.ggml.add_bos_token"].flatMap { value -> Bool? in
            if case .bool(let flag) = value { return flag }
            return nil
        }
        try self.init(
            tokens: tokens, tokenTypes: types, merges: merges, preTokenizer: preTokenizer,
            bosTokenID: optionalID("tokenizer.ggml.bos_token_id"),
            eosTokenID: optionalID("tokenizer.ggml.eos_token_id"),
            endOfTurnTokenIDs: endOfTurn, addBOS: addBOS ?? false)
    }
}
