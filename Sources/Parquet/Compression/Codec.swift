/// Compression codecs of Parquet pages.
///
/// SNAPPY and LZ4_RAW are implemented in Swift, GZIP goes through zlib and ZSTD through the system's
/// `libzstd.so.1`, loaded at run time. Decompression never trusts sizes found in its input: a corrupt page throws
/// ``ParquetError`` instead of crashing, hanging or allocating more than the page can expand to.
public enum ParquetCompression: String, Sendable, CaseIterable {
    case uncompressed, snappy, gzip, zstd, lz4Raw
}

extension ParquetCompression {
    /// Compresses one page body.
    func compress(_ input: [UInt8]) throws -> [UInt8] {
        switch self {
        case .uncompressed: return input
        case .snappy: return Snappy.compress(input)
        case .gzip: return try Gzip.compress(input)
        case .zstd: return try Zstd.compress(input)
        case .lz4Raw: return LZ4Raw.compress(input)
        }
    }

    /// Decompresses one page body that must expand to exactly `uncompressedSize` bytes.
    func decompress(_ input: ArraySlice<UInt8>, uncompressedSize: Int) throws -> [UInt8] {
        guard uncompressedSize >= 0, uncompressedSize <= maximumExpansion(of: input.count) else {
            throw ParquetError.compression(
                codec: self.rawValue,
                reason: "a page of \(input.count) bytes cannot expand to \(uncompressedSize) bytes"
            )
        }
        switch self {
        case .uncompressed:
            guard input.count == uncompressedSize else {
                throw ParquetError.compression(
                    codec: self.rawValue,
                    reason: "an uncompressed page of \(input.count) bytes declares \(uncompressedSize) bytes"
                )
            }
            return Array(input)
        case .snappy: return try Snappy.decompress(input, uncompressedSize: uncompressedSize)
        case .gzip: return try Gzip.decompress(input, uncompressedSize: uncompressedSize)
        case .zstd: return try Zstd.decompress(input, uncompressedSize: uncompressedSize)
        case .lz4Raw: return try LZ4Raw.decompress(input, uncompressedSize: uncompressedSize)
        }
    }

    /// The most bytes `count` compressed bytes can expand to, so that corrupt sizes never drive an allocation.
    func maximumExpansion(of count: Int) -> Int {
        let ratio: Int
        switch self {
        case .uncompressed: ratio = 1
        case .snappy: ratio = 32  // a 2-byte copy element writes at most 64 bytes
        case .lz4Raw: ratio = 256  // each extra length byte adds at most 255
        case .gzip: ratio = 1032  // deflate's maximum ratio
        case .zstd: ratio = 32768  // a 4-byte RLE block can write a whole 128 KiB block
        }
        let (product, overflow) = count.multipliedReportingOverflow(by: ratio)
        return overflow ? Int.max : product + 64
    }
}
