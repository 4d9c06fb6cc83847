/// Decompresses page bytes with a column chunk's codec.
enum PageDecompression {
    /// The codec implementation for a Thrift codec id; BROTLI, LZO and the deprecated LZ4 throw
    /// ``ParquetError/unsupportedCodec(codec:column:)``.
    static func compression(for codec: CompressionCodec, column: String) throws -> ParquetCompression {
        switch codec {
        case .uncompressed: return .uncompressed
        case .snappy: return .snappy
        case .gzip: return .gzip
        case .zstd: return .zstd
        case .lz4Raw: return .lz4Raw
        default: throw ParquetError.unsupportedCodec(codec: codec.description, column: column)
        }
    }

    static func decompress(
        _ input: ArraySlice<UInt8>, codec: CompressionCodec, uncompressedSize: Int, column: String
    ) throws -> [UInt8] {
        let compression = try compression(for: codec, column: column)
        if compression == .uncompressed { return Array(input) }
        do {
            return try compression.decompress(input, uncompressedSize: uncompressedSize)
        } catch let error as ParquetError {
            throw error
        } catch {
            throw ParquetError.compression(codec: codec.description, reason: "column '\(column)': \(error)")
        }
    }
}
