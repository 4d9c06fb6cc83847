/// A page that could not be compressed or decompressed.
public struct ParquetCompressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The codec that failed.
    public var codec: ParquetCompression
    /// What went wrong, in words.
    public var reason: String

    public init(codec: ParquetCompression, reason: String) {
        self.codec = codec
        self.reason = reason
    }

    public var description: String { "\(codec.rawValue) page: \(reason)" }
}
