import Testing

@testable import Parquet

/// The decoders against the worked examples of the format's Encodings.md.
@Suite struct DecoderTests {
    @Test func rleHybridDecodesBitPackedAndRLERuns() throws {
        // Bit-packed run of 0...7 with width 3 (Encodings.md), then an RLE run of five 3s.
        var cursor = ByteCursor([0x03, 0x88, 0xC6, 0xFA, 0x0A, 0x03], column: "c")
        let values = try RLEHybridDecoder.decode(&cursor, bitWidth: 3, count: 13)
        #expect(values == [0, 1, 2, 3, 4, 5, 6, 7, 3, 3, 3, 3, 3])
    }

    @Test func rleHybridRejectsTooWideBitWidthsAndShortData() {
        var wide = ByteCursor([0x02, 0x01], column: "c")
        #expect(throws: ParquetError.self) { try RLEHybridDecoder.decode(&wide, bitWidth: 33, count: 1) }
        var short = ByteCursor([0x04, 0x01], column: "c")  // a run of 2 where 5 values are needed
        #expect(throws: ParquetError.self) { try RLEHybridDecoder.decode(&short, bitWidth: 1, count: 5) }
    }

    @Test func legacyBitPackedLevelsAreMostSignificantBitFirst() {
        // 0...7 with width 3 is 0x05 0x39 0x77 (Encodings.md, BIT_PACKED).
        #expect(RLEHybridDecoder.decodeLegacyBitPacked([0x05, 0x39, 0x77], bitWidth: 3, count: 8) == Array(0...7))
    }

    @Test func bitWidthCoversTheMaximumLevel() {
        #expect([0, 1, 2, 3, 4, 7, 8, 255].map(RLEHybridDecoder.bitWidth(for:)) == [0, 1, 2, 2, 3, 3, 4, 8])
    }

    @Test func deltaBinaryPackedDecodesTheSpecificationExamples() throws {
        // 1, 2, 3, 4, 5: block 128, 4 miniblocks, 5 values, first 1; min delta 1, widths 0.
        var first = ByteCursor([0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0], column: "c")
        #expect(try DeltaBinaryPackedDecoder.decode(&first, maximumCount: 5) == [1, 2, 3, 4, 5])
        #expect(first.remaining == 0)
        // 7, 5, 3, 1, 2, 3, 4, 5: min delta -2, relative deltas 0 0 0 3 3 3 3 in a 2-bit miniblock.
        var bytes: [UInt8] = [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 2, 0, 0, 0, 0xC0, 0x3F]
        bytes += [UInt8](repeating: 0, count: 6)
        var second = ByteCursor(bytes, column: "c")
        #expect(try DeltaBinaryPackedDecoder.decode(&second, maximumCount: 8) == [7, 5, 3, 1, 2, 3, 4, 5])
        #expect(second.remaining == 0)
    }

    @Test func deltaBinaryPackedRejectsCorruptHeaders() {
        var badBlock = ByteCursor([0x05, 0x04, 0x05, 0x02], column: "c")
        #expect(throws: ParquetError.self) { try DeltaBinaryPackedDecoder.decode(&badBlock, maximumCount: 5) }
        var tooMany = ByteCursor([0x80, 0x01, 0x04, 0xFF, 0xFF, 0x03, 0x02], column: "c")
        #expect(throws: ParquetError.self) { try DeltaBinaryPackedDecoder.decode(&tooMany, maximumCount: 10) }
    }

    @Test func deltaByteArrayRebuildsPrefixes() throws {
        // "axis", "axle", "babble": prefixes 0 2 0, suffixes "axis" "le" "babble".
        // Prefix lengths 0, 2, 0: deltas +2, -2 → min delta -2 (zigzag 3), relative 4, 0 → width 3.
        var bytes: [UInt8] = [0x80, 0x01, 0x04, 0x03, 0x00, 0x03, 3, 0, 0, 0, 0x04] + [UInt8](repeating: 0, count: 11)
        // suffix lengths 4, 2, 6: first 4, deltas -2, +4 → min -2, relative 0, 6 → width 3.
        bytes += [0x80, 0x01, 0x04, 0x03, 0x08, 0x03, 3, 0, 0, 0, 0x30] + [UInt8](repeating: 0, count: 11)
        bytes += Array("axisleb".utf8) + Array("abble".utf8)
        var cursor = ByteCursor(bytes, column: "c")
        let values = try ByteArrayDeltaDecoders.decodeIncremental(&cursor, count: 3)
        #expect(values.map { String(decoding: $0, as: UTF8.self) } == ["axis", "axle", "babble"])
    }

    @Test(arguments: [
        (UInt16(0x3C00), Float(1)), (0xC000, -2), (0x7BFF, 65504), (0x0001, 5.9604645e-8), (0x8000, -0.0),
        (0x7C00, .infinity), (0x3555, 0.33325195),
    ])
    func float16Widens(bits: UInt16, value: Float) {
        #expect(ValueConverter.halfToFloat(bits) == value)
    }

    @Test func float16NaNStaysNaN() {
        #expect(ValueConverter.halfToFloat(0x7E00).isNaN)
    }

    @Test func int96CountsNanosecondsFromTheUnixEpoch() {
        let converter = ValueConverter(
            leaf: ParquetSchemaNode(
                name: "t", repetition: .optional, physicalType: .int96, logicalType: nil, convertedType: nil,
                typeLength: nil, scale: nil, precision: nil, children: [], maxDefinitionLevel: 1,
                maxRepetitionLevel: 0, path: ["t"], leafIndex: 0, leafIndices: 0..<1))
        #expect(
            converter.int96(nanosOfDay: 1_000, julianDay: 2_440_589)
                == .timestamp(86_400_000_001_000, unit: .nanos, isAdjustedToUTC: false))
        #expect(
            converter.int96(nanosOfDay: 0, julianDay: 2_440_588 + 200_000)
                == .timestamp(200_000 * 86_400_000_000, unit: .micros, isAdjustedToUTC: false))
    }

    @Test func decimalsOnIntegersKeepBigEndianTwosComplement() {
        #expect(Int32(-2).bigEndianBytes == [0xFF, 0xFF, 0xFF, 0xFE])
        #expect(Int64(258).bigEndianBytes == [0, 0, 0, 0, 0, 0, 1, 2])
    }
}
