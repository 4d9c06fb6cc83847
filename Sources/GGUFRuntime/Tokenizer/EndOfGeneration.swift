/// The one rule for which tokens end generation, shared by ``BPETokenizer`` and ``LlamaModel``.
///
/// A token ends generation when the metadata names it as end of sequence, end of turn or end of message, or when it
/// is a control or user-defined token whose text llama.cpp recognises as ending a turn or a text. For SmolLM2 that
/// gives {0, 2, 4}, as llama.cpp derives them.
enum EndOfGeneration {
    /// Texts of tokens that end a turn or the text, which llama.cpp treats as end-of-generation.
    static let texts: Set<String> = [
        "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<|end_of_text|>", "<EOT>",
        "_<EOT>", "<｜end▁of▁sentence｜>", "<|eom_id|>", "<|return|>", "<|call|>", "<|fim_pad|>", "<fim-pad>",
        "<|repo_name|>", "<|fim_repo|>", "<fim-repo>", "<REPO>", "<reponame>", "<|file_sep|>",
    ]

    /// The end-of-generation ids of a vocabulary.
    static func tokenIDs(tokens: [String], types: [TokenType], eos: Int32?, endOfTurn: [Int32]) -> Set<Int32> {
        var ids = Set(endOfTurn)
        if let eos { ids.insert(eos) }
        for (id, text) in tokens.enumerated() where texts.contains(text) {
            // Only control or user-defined tokens: ordinary text never ends generation.
            if id < types.count, types[id] == .control || types[id] == .userDefined { ids.insert(Int32(id)) }
        }
        return ids
    }

    /// The end-of-generation ids named by GGUF metadata (`tokenizer.ggml.tokens`, `.token_type`, `.eos_token_id`,
    /// `.eot_token_id`, `.eom_token_id`).
    static func tokenIDs(in metadata: GGUFMetadata) -> Set<Int32> {
        func id(_ key: String) -> Int32? { metadata[key]?.intValue.flatMap { Int32(exactly: $0) } }
        let tokens = (try? metadata.strings("tokenizer.ggml.tokens")) ?? []
        let rawTypes = (try? metadata.int32s("tokenizer.ggml.token_type")) ?? []
        return tokenIDs(
            tokens: tokens, types: rawTypes.map { TokenType(rawValue: $0) ?? .normal },
            eos: id("tokenizer.ggml.eos_token_id"),
            endOfTurn: ["tokenizer.ggml.eot_token_id", "tokenizer.ggml.eom_token_id"].compactMap(id))
    }
}
