/// The kind of a vocabulary entry, as GGUF's `tokenizer.ggml.token_type` stores it.
public enum TokenType: Int32, Sendable, Hashable {
    case undefined = 0
    case normal = 1
    case unknown = 2
    /// A control token such as `<|im_start|>`: only recognised in text when parsing special tokens.
    case control = 3
    /// A user-defined token, always recognised in text.
    case userDefined = 4
    case unused = 5
    /// A byte-fallback token `<0xAB>`.
    case byte = 6
}
