import Testing

@testable import Parquet

@Suite struct RLEHybridEncoderTests {
    /// A straightforward decoder of the hybrid encoding, written from the format description.
    static func decode(_ bytes: [UInt8], bitWidth: Int, count: Int) -> [Int] {
        var values: [Int] = []
        var position = 0
        func varint() -> Int {
            var result = 0
            var shift = 0
            while true {
                let byte = bytes[position]
                position += 1
                result |= Int(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 { return result }
            }
        }
        while values.count < count {
            let header = varint()
            if header & 1 == 0 {
                var value = 0
                for index in 0..<((bitWidth + 7) / 8) {
                    value |= Int(bytes[position + index]) << (8 * index)
                }
                position += (bitWidth + 7) / 8
                values += Array(repeating: value, count: header >> 1)
            } else {
                let total = (header >> 1) * 8
                var bit = 0
                for _ in 0..<total {
                    var value = 0
                    for b in 0..<bitWidth {
                        let absolute = bit + b
                        if bytes[position + absolute / 8] & (1 << UInt8(absolute % 8)) != 0 { value |= 1 << b }
                    }
                    bit += bitWidth
                    values.append(value)
                }
                position += total * bitWidth / 8
            }
        }
        return Array(values.prefix(count))
    }

    @Test func knownVectors() {
        var run = RLEHybridEncoder(bitWidth: 1)
        run.encode([UInt8](repeating: 1, count: 8))
        #expect(run.bytes == [0x10, 0x01])
        // The format description's bit-packing example: 0…7 with bit width 3.
        var packed = RLEHybridEncoder(bitWidth: 3)
        packed.encode([0, 1, 2, 3, 4, 5, 6, 7] as [UInt8])
        #expect(packed.bytes == [0x03, 0x88, 0xC6, 0xFA])
        #expect(RLEHybridEncoder.bitWidth(of: 0) == 0)
        #expect(RLEHybridEncoder.bitWidth(of: 1) == 1)
        #expect(RLEHybridEncoder.bitWidth(of: 255) == 8)
        #expect(RLEHybridEncoder.bitWidth(of: 256) == 9)
    }

    @Test(arguments: [1, 2, 3, 5, 8, 12, 17])
    func roundTripsMixedRunsAndNoise(bitWidth: Int) {
        var generator = SplitMix64(seed: UInt64(bitWidth))
        let maximum = (1 << bitWidth) - 1
        var values: [Int32] = []
        while values.count < 5000 {
            if Bool.random(using: &generator) {
                values += Array(
                    repeating: Int32(Int.random(in: 0...maximum, using: &generator)),
                    count: Int.random(in: 1...40, using: &generator))
            } else {
                values.append(Int32(Int.random(in: 0...maximum, using: &generator)))
            }
        }
        var encoder = RLEHybridEncoder(bitWidth: bitWidth)
        encoder.encode(values)
        #expect(Self.decode(encoder.bytes, bitWidth: bitWidth, count: values.count) == values.map(Int.init))
    }
}
