/// Decodes DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY (incremental / front-coded) byte arrays.
enum ByteArrayDeltaDecoders {
    /// DELTA_LENGTH_BYTE_ARRAY: all lengths (delta-packed), then all bytes concatenated.
    static func decodeLengthPrefixed(_ cursor: inout ByteCursor, count: Int) throws -> [ArraySlice<UInt8>] {
        let lengths = try DeltaBinaryPackedDecoder.decode(&cursor, maximumCount: max(count, cursor.remaining))
        guard lengths.count >= count else {
            throw cursor.corrupt("DELTA_LENGTH_BYTE_ARRAY holds \(lengths.count) lengths for \(count) values")
        }
        var result: [ArraySlice<UInt8>] = []
        result.reserveCapacity(count)
        for length in lengths.prefix(count) {
            guard length >= 0, length <= Int64(cursor.remaining) else {
                throw cursor.corrupt("byte array length \(length) exceeds the \(cursor.remaining) remaining bytes")
            }
            let range = try cursor.take(Int(length))
            result.append(cursor.bytes[range])
        }
        return result
    }

    /// DELTA_BYTE_ARRAY: prefix lengths (delta-packed), then suffixes as DELTA_LENGTH_BYTE_ARRAY.
    static func decodeIncremental(_ cursor: inout ByteCursor, count: Int) throws -> [[UInt8]] {
        let prefixes = try DeltaBinaryPackedDecoder.decode(&cursor, maximumCount: max(count, cursor.remaining))
        guard prefixes.count >= count else {
            throw cursor.corrupt("DELTA_BYTE_ARRAY holds \(prefixes.count) prefix lengths for \(count) values")
        }
        let suffixes = try decodeLengthPrefixed(&cursor, count: count)
        var result: [[UInt8]] = []
        result.reserveCapacity(count)
        var previous: [UInt8] = []
        for index in 0..<count {
            let prefix = prefixes[index]
            guard prefix >= 0, prefix <= Int64(previous.count) else {
                throw cursor.corrupt("prefix length \(prefix) exceeds the previous value's \(previous.count) bytes")
            }
            var value = Array(previous[0..<Int(prefix)])
            value.append(contentsOf: suffixes[index])
            result.append(value)
            previous = value
        }
        return result
    }
}
