extension ColumnChunkReader {
    /// Decodes `count` non-null values of one data page in `encoding`.
    func readValues(
        _ cursor: inout ByteCursor, encoding: Encoding, count: Int, dictionary: [ParquetValue]?,
        into values: inout [ParquetValue]
    ) throws {
        if count == 0 { return }
        let column = leaf.path.joined(separator: ".")
        let physical = leaf.physicalType ?? .byteArray
        let converter = ValueConverter(leaf: leaf)
        switch encoding {
        case .plain:
            try PlainDecoder.decode(&cursor, count: count, leaf: leaf, converter: converter, into: &values)
        case .plainDictionary, .rleDictionary:
            guard let dictionary else {
                throw cursor.corrupt("dictionary-encoded page without a preceding dictionary page")
            }
            let width = Int(try cursor.readByte())
            let indices = try RLEHybridDecoder.decode(&cursor, bitWidth: width, count: count)
            for index in indices {
                guard Int(index) < dictionary.count else {
                    throw cursor.corrupt("dictionary index \(index) out of range (\(dictionary.count) entries)")
                }
                values.append(dictionary[Int(index)])
            }
        case .rle where physical == .boolean:
            let length = Int(try cursor.readUInt32LE())
            let range = try cursor.take(length)
            var inner = ByteCursor(cursor.bytes, start: range.lowerBound, end: range.upperBound, column: column)
            for bit in try RLEHybridDecoder.decode(&inner, bitWidth: 1, count: count) {
                values.append(converter.bool(bit != 0))
            }
        case .deltaBinaryPacked where physical == .int32 || physical == .int64:
            let decoded = try DeltaBinaryPackedDecoder.decode(&cursor, maximumCount: count)
            guard decoded.count >= count else {
                throw cursor.corrupt("DELTA_BINARY_PACKED holds \(decoded.count) values where \(count) are needed")
            }
            for value in decoded.prefix(count) {
                values.append(
                    physical == .int32 ? converter.int32(Int32(truncatingIfNeeded: value)) : converter.int64(value))
            }
        case .deltaLengthByteArray where physical == .byteArray:
            for value in try ByteArrayDeltaDecoders.decodeLengthPrefixed(&cursor, count: count) {
                values.append(converter.bytes(value))
            }
        case .deltaByteArray where physical == .byteArray || physical == .fixedLenByteArray:
            for value in try ByteArrayDeltaDecoders.decodeIncremental(&cursor, count: count) {
                values.append(converter.bytes(value[...]))
            }
        case .byteStreamSplit:
            try readByteStreamSplit(&cursor, count: count, physical: physical, converter: converter, into: &values)
        default:
            throw ParquetError.unsupportedEncoding(encoding: "\(encoding) for \(physical)", column: column)
        }
    }

    /// BYTE_STREAM_SPLIT: byte k of value i is at `k * count + i`; values are then read as PLAIN.
    private func readByteStreamSplit(
        _ cursor: inout ByteCursor, count: Int, physical: PhysicalType, converter: ValueConverter,
        into values: inout [ParquetValue]
    ) throws {
        let width: Int
        switch physical {
        case .int32, .float: width = 4
        case .int64, .double: width = 8
        case .fixedLenByteArray: width = leaf.typeLength ?? 0
        default:
            throw ParquetError.unsupportedEncoding(
                encoding: "BYTE_STREAM_SPLIT for \(physical)", column: leaf.path.joined(separator: "."))
        }
        guard width > 0, count <= cursor.remaining / width else {
            throw cursor.corrupt("BYTE_STREAM_SPLIT needs \(count) × \(width) bytes; \(cursor.remaining) remain")
        }
        let range = try cursor.take(cursor.remaining)
        var plain = [UInt8](repeating: 0, count: count * width)
        let streamLength = count
        for index in 0..<count {
            for byte in 0..<width {
                plain[index * width + byte] = cursor.bytes[range.lowerBound + byte * streamLength + index]
            }
        }
        var plainCursor = ByteCursor(plain, column: cursor.column)
        try PlainDecoder.decode(&plainCursor, count: count, leaf: leaf, converter: converter, into: &values)
    }
}
