/// Decoding token ids back to text.
extension BPETokenizer {
    /// The raw bytes of a token: the UTF-8 it stands for, or a control token's text when `renderSpecial` is true
    /// (empty otherwise). Ids outside the vocabulary give no bytes.
    public func bytes(of token: Int32, renderSpecial: Bool = true) -> [UInt8] {
        guard token >= 0, Int(token) < tokens.count else { return [] }
        switch tokenTypes[Int(token)] {
        case .control, .unknown, .unused:
            return renderSpecial ? tokenBytesForID(token) : []
        default:
            return tokenBytesForID(token)
        }
    }

    /// Decodes ids to text. Invalid UTF-8 (for example a sequence cut in the middle of a character) becomes U+FFFD.
    ///
    /// - Parameter renderSpecial: whether control tokens appear as their text (as llama.cpp's `/detokenize` does).
    public func decode(_ ids: [Int32], renderSpecial: Bool = true) -> String {
        var bytes: [UInt8] = []
        for id in ids { bytes.append(contentsOf: self.bytes(of: id, renderSpecial: renderSpecial)) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
