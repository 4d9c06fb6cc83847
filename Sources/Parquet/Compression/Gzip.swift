import CZlib

/// GZIP pages through zlib: one gzip member when compressing; any number of concatenated members when
/// decompressing, as some writers produce.
enum Gzip {
    /// zlib's window bits plus 16: a gzip header and trailer rather than zlib's.
    private static let gzipWindowBits: Int32 = 15 + 16

    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        var status = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzipWindowBits, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw failure("deflateInit2 failed", status, &stream) }
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, uLong(input.count))) + 32
        var output = [UInt8](repeating: 0, count: capacity)
        var input = input
        status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = uInt(destination.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw failure("deflate did not finish", status, &stream) }
        output.removeLast(Int(stream.avail_out))
        return output
    }

    static func decompress(_ input: ArraySlice<UInt8>, uncompressedSize: Int) throws -> [UInt8] {
        var stream = z_stream()
        var status = inflateInit2_(&stream, gzipWindowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw failure("inflateInit2 failed", status, &stream) }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: uncompressedSize)
        var input = Array(input)
        var reason: String?
        input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = uInt(destination.count)
                while true {
                    status = inflate(&stream, Z_FINISH)
                    if status == Z_STREAM_END {
                        // Another member may follow (concatenated gzip); trailing zero padding is tolerated.
                        let rest = UnsafeBufferPointer(start: stream.next_in, count: Int(stream.avail_in))
                        if rest.allSatisfy({ $0 == 0 }) { return }
                        status = inflateReset(&stream)
                        if status != Z_OK {
                            reason = "inflateReset failed"
                            return
                        }
                        continue
                    }
                    if status == Z_BUF_ERROR, stream.avail_out == 0 {
                        reason = "the data expands past the declared \(uncompressedSize) bytes"
                    } else if status == Z_BUF_ERROR {
                        reason = "truncated stream after \(uncompressedSize - Int(stream.avail_out)) bytes"
                    } else {
                        reason = "corrupt stream"
                    }
                    return
                }
            }
        }
        if let reason { throw failure(reason, status, &stream) }
        guard stream.avail_out == 0 else {
            throw ParquetError.compression(
                codec: ParquetCompression.gzip.rawValue,
                reason: "the stream ends after \(uncompressedSize - Int(stream.avail_out)) of \(uncompressedSize) bytes"
            )
        }
        return output
    }

    private static func failure(_ what: String, _ status: Int32, _ stream: inout z_stream) -> ParquetError {
        let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        return ParquetError.compression(
            codec: ParquetCompression.gzip.rawValue, reason: "\(what) (\(message))")
    }
}
