#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Collects a column chunk's values in typed arrays of its physical type (no ``ParquetValue`` per value), for
/// ``ParquetFileReader/readColumn(rowGroup:path:)``. Byte arrays, fixed-length byte arrays and INT96 values are
/// concatenated in `values.bytes` with `values.offsets`.
struct PhysicalValueSink: ColumnValueSink {
    let physical: PhysicalType
    /// The byte width of FIXED_LEN_BYTE_ARRAY (the type length) and INT96 (12) values.
    let width: Int
    var dictionary: ColumnBuffer?
    var values = ColumnBuffer()

    init(leaf: ParquetSchemaNode) {
        physical = leaf.physicalType ?? .byteArray
        width = physical == .int96 ? 12 : leaf.typeLength ?? 0
    }

    mutating func readDictionary(_ reader: ColumnChunkReader, _ cursor: inout ByteCursor, count: Int) throws {
        var buffer = ColumnBuffer()
        try Self.decodePlain(&cursor, count: count, physical: physical, width: width, into: &buffer)
        dictionary = buffer
    }

    mutating func readValues(
        _ reader: ColumnChunkReader, _ cursor: inout ByteCursor, encoding: Encoding, count: Int
    )
        throws
    {
        if count == 0 { return }
        values.valueCount += count
        switch encoding {
        case .plain:
            try Self.decodePlain(&cursor, count: count, physical: physical, width: width, into: &values)
        case .plainDictionary, .rleDictionary:
            guard let dictionary else {
                throw cursor.corrupt("dictionary-encoded page without a preceding dictionary page")
            }
            let bitWidth = Int(try cursor.readByte())
            let indices = try RLEHybridDecoder.decode(&cursor, bitWidth: bitWidth, count: count)
            try gather(indices, from: dictionary, cursor: cursor)
        case .rle where physical == .boolean:
            let length = Int(try cursor.readUInt32LE())
            let range = try cursor.take(length)
            var inner = ByteCursor(cursor.bytes, start: range.lowerBound, end: range.upperBound, column: cursor.column)
            for bit in try RLEHybridDecoder.decode(&inner, bitWidth: 1, count: count) {
                values.booleans.append(bit != 0)
            }
        case .deltaBinaryPacked where physical == .int32 || physical == .int64:
            let decoded = try DeltaBinaryPackedDecoder.decode(&cursor, maximumCount: count)
            guard decoded.count >= count else {
                throw cursor.corrupt("DELTA_BINARY_PACKED holds \(decoded.count) values where \(count) are needed")
            }
            if physical == .int32 {
                values.int32s.append(contentsOf: decoded.prefix(count).lazy.map { Int32(truncatingIfNeeded: $0) })
            } else {
                values.int64s.append(contentsOf: decoded.prefix(count))
            }
        case .deltaLengthByteArray where physical == .byteArray:
            for value in try ByteArrayDeltaDecoders.decodeLengthPrefixed(&cursor, count: count) {
                appendBytes(value)
            }
        case .deltaByteArray where physical == .byteArray || physical == .fixedLenByteArray:
            for value in try ByteArrayDeltaDecoders.decodeIncremental(&cursor, count: count) { appendBytes(value[...]) }
        case .byteStreamSplit:
            var plain = try unsplit(&cursor, count: count)
            try Self.decodePlain(&plain, count: count, physical: physical, width: width, into: &values)
        default:
            throw ParquetError.unsupportedEncoding(encoding: "\(encoding) for \(physical)", column: cursor.column)
        }
    }

    private mutating func appendBytes(_ value: ArraySlice<UInt8>) {
        values.bytes.append(contentsOf: value)
        values.offsets.append(values.bytes.count)
    }

    /// PLAIN values: fixed-width numbers are copied in one block (every platform Swift runs on is little-endian).
    /// Static, so that decoding into `self.values` borrows no copy of `self`: a copy would share the arrays and
    /// make the first append of every page copy the whole column so far.
    private static func decodePlain(
        _ cursor: inout ByteCursor, count: Int, physical: PhysicalType, width: Int, into buffer: inout ColumnBuffer
    ) throws {
        switch physical {
        case .boolean:
            let range = try cursor.take((count + 7) / 8)
            reserveGrowing(&buffer.booleans, count)
            for index in 0..<count {
                buffer.booleans.append(cursor.bytes[range.lowerBound + index >> 3] >> UInt8(index & 7) & 1 == 1)
            }
        case .int32: try copyFixed(&cursor, count: count, into: &buffer.int32s)
        case .int64: try copyFixed(&cursor, count: count, into: &buffer.int64s)
        case .float: try copyFixed(&cursor, count: count, into: &buffer.floats)
        case .double: try copyFixed(&cursor, count: count, into: &buffer.doubles)
        case .byteArray:
            guard count <= cursor.remaining / 4 else {
                throw cursor.corrupt("\(count) PLAIN byte arrays cannot fit in \(cursor.remaining) bytes")
            }
            reserveGrowing(&buffer.bytes, cursor.remaining - 4 * count)
            reserveGrowing(&buffer.offsets, count)
            var position = cursor.position
            let end = cursor.end
            let failure: Int? = cursor.bytes.withUnsafeBytes { raw in
                for _ in 0..<count {
                    guard end - position >= 4 else { return position }
                    let length = Int(raw.loadUnaligned(fromByteOffset: position, as: UInt32.self))
                    guard length <= end - position - 4 else { return position }
                    buffer.bytes.append(
                        contentsOf: UnsafeRawBufferPointer(rebasing: raw[(position + 4)...].prefix(length)))
                    buffer.offsets.append(buffer.bytes.count)
                    position += 4 + length
                }
                return nil
            }
            if let failure {
                cursor.position = failure
                throw cursor.corrupt("a PLAIN byte array runs past the end of the page")
            }
            cursor.position = position
        case .fixedLenByteArray, .int96:
            guard width == 0 || count <= cursor.remaining / width else {
                throw cursor.corrupt("\(count) values of \(width) bytes cannot fit in \(cursor.remaining) bytes")
            }
            let range = try cursor.take(count * width)
            buffer.bytes.append(contentsOf: cursor.bytes[range])
            let base = buffer.offsets.last ?? 0
            buffer.offsets.append(contentsOf: (1...max(count, 1)).prefix(count).lazy.map { base + $0 * width })
        default:
            throw cursor.corrupt("invalid physical type \(physical)")
        }
    }

    private static func copyFixed<T>(_ cursor: inout ByteCursor, count: Int, into array: inout [T]) throws {
        let size = MemoryLayout<T>.size
        guard count <= cursor.remaining / size else {
            throw cursor.corrupt("\(count) PLAIN values of \(size) bytes cannot fit in \(cursor.remaining) bytes")
        }
        let range = try cursor.take(count * size)
        reserveGrowing(&array, count)
        cursor.bytes.withUnsafeBytes { source in
            for index in 0..<count {
                array.append(source.loadUnaligned(fromByteOffset: range.lowerBound + index * size, as: T.self))
            }
        }
    }

    /// Dictionary indices to values.
    private mutating func gather(_ indices: [UInt32], from dictionary: ColumnBuffer, cursor: ByteCursor) throws {
        let entries = dictionary.valueCountForGather(physical)
        guard let bad = indices.first(where: { Int($0) >= entries }) else {
            switch physical {
            case .boolean: values.booleans.append(contentsOf: indices.lazy.map { dictionary.booleans[Int($0)] })
            case .int32: values.int32s.append(contentsOf: indices.lazy.map { dictionary.int32s[Int($0)] })
            case .int64: values.int64s.append(contentsOf: indices.lazy.map { dictionary.int64s[Int($0)] })
            case .float: values.floats.append(contentsOf: indices.lazy.map { dictionary.floats[Int($0)] })
            case .double: values.doubles.append(contentsOf: indices.lazy.map { dictionary.doubles[Int($0)] })
            default:
                reserveGrowing(&values.offsets, indices.count)
                dictionary.bytes.withUnsafeBytes { source in
                    for index in indices {
                        let start = dictionary.offsets[Int(index)]
                        let end = dictionary.offsets[Int(index) + 1]
                        values.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: source[start..<end]))
                        values.offsets.append(values.bytes.count)
                    }
                }
            }
            return
        }
        throw cursor.corrupt("dictionary index \(bad) out of range (\(entries) entries)")
    }

    /// BYTE_STREAM_SPLIT: byte k of value i is at `k * count + i`; returns the values as PLAIN bytes.
    private func unsplit(_ cursor: inout ByteCursor, count: Int) throws -> ByteCursor {
        let size: Int
        switch physical {
        case .int32, .float: size = 4
        case .int64, .double: size = 8
        case .fixedLenByteArray: size = width
        default:
            throw ParquetError.unsupportedEncoding(encoding: "BYTE_STREAM_SPLIT for \(physical)", column: cursor.column)
        }
        guard size > 0, count <= cursor.remaining / size else {
            throw cursor.corrupt("BYTE_STREAM_SPLIT needs \(count) × \(size) bytes; \(cursor.remaining) remain")
        }
        let range = try cursor.take(cursor.remaining)
        var plain = [UInt8](repeating: 0, count: count * size)
        for index in 0..<count {
            for byte in 0..<size { plain[index * size + byte] = cursor.bytes[range.lowerBound + byte * count + index] }
        }
        return ByteCursor(plain, column: cursor.column)
    }
}

/// Makes room for `additional` more elements, at least doubling the capacity when it grows: a column chunk's
/// pages are appended one after the other, and reserving exactly each page's size would copy the whole array on
/// every page (quadratic in the chunk's size).
@inline(__always)
func reserveGrowing<T>(_ array: inout [T], _ additional: Int) {
    let needed = array.count + additional
    if array.capacity < needed { array.reserveCapacity(max(needed, 2 * array.capacity)) }
}

extension ColumnBuffer {
    /// The number of values a decoded dictionary holds.
    fileprivate func valueCountForGather(_ physical: PhysicalType) -> Int {
        switch physical {
        case .boolean: return booleans.count
        case .int32: return int32s.count
        case .int64: return int64s.count
        case .float: return floats.count
        case .double: return doubles.count
        default: return offsets.count - 1
        }
    }
}
