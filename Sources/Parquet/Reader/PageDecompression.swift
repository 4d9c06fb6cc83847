/// Decompresses page bytes with a column chunk's codec.
enum PageDecompression {
    static func decompress(
        _ input: ArraySlice<UInt8>, codec: CompressionCodec, uncompressedSize: Int, column: String
    ) throws -> [UInt8] {
        switch codec {
        case .uncompressed:
            return Array(input)
        default:
            throw ParquetError.unsupportedCodec(codec: codec.description, column: column)
        }
    }
}
