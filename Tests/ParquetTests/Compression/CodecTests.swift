import Foundation
import Testing

@testable import Parquet

/// Inputs that exercise literals, short and long matches, overlapping copies and block boundaries.
enum CodecSamples {
    static func random(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    static func repetitive(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        let words = ["the ", "quick ", "brown ", "fox ", "jumps ", "über ", "lazy ", "dog\n", "{\"role\": \"user\"}"]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            if Int.random(in: 0..<50, using: &generator) == 0 {
                bytes += [UInt8](repeating: UInt8.random(in: 0...255, using: &generator), count: 300)
            } else {
                bytes += Array(words.randomElement(using: &generator)!.utf8)
            }
        }
        return Array(bytes.prefix(count))
    }

    static let sizes = [0, 1, 3, 4, 11, 12, 13, 16, 64, 65, 100, 1000, 65535, 65536, 65537, 200_000]
}

/// A small deterministic generator so that failures can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct CodecTests {
    @Test(arguments: ParquetCompression.allCases)
    func roundTripsRandomAndRepetitiveData(codec: ParquetCompression) throws {
        for (index, size) in CodecSamples.sizes.enumerated() {
            for input in [
                CodecSamples.random(size, seed: UInt64(index)), CodecSamples.repetitive(size, seed: UInt64(index)),
                [UInt8](repeating: 7, count: size),
            ] {
                let compressed = try codec.compress(input)
                let restored = try codec.decompress(compressed[...], uncompressedSize: input.count)
                #expect(restored == input, "\(codec) size \(size)")
            }
        }
    }

    @Test(arguments: [ParquetCompression.snappy, .gzip, .zstd, .lz4Raw])
    func compressesRepetitiveData(codec: ParquetCompression) throws {
        let input = CodecSamples.repetitive(100_000, seed: 42)
        let compressed = try codec.compress(input)
        #expect(compressed.count < input.count / 3, "\(codec): \(compressed.count) bytes")
    }

    @Test func snappyKnownVectors() throws {
        // Hand-assembled from the format description: varint length, then tagged elements.
        let literal: [UInt8] = [5, 4 << 2] + Array("hello".utf8)
        #expect(try ParquetCompression.snappy.decompress(literal[...], uncompressedSize: 5) == Array("hello".utf8))
        // "ab" then a 1-byte-offset copy of length 6 at distance 2: overlapping copy.
        let overlapping: [UInt8] = [8, 1 << 2, 0x61, 0x62, 0x01 | (2 << 2), 2]
        #expect(
            try ParquetCompression.snappy.decompress(overlapping[...], uncompressedSize: 8)
                == Array("abababab".utf8))
        // A 2-byte-offset copy of length 3 at distance 3.
        let twoByte: [UInt8] = [6, 2 << 2, 0x78, 0x79, 0x7A, 0x02 | (2 << 2), 3, 0]
        #expect(try ParquetCompression.snappy.decompress(twoByte[...], uncompressedSize: 6) == Array("xyzxyz".utf8))
        // Our compressor emits a copy for a run: 1 literal byte, then copies.
        let run = try ParquetCompression.snappy.compress([UInt8](repeating: 0x41, count: 100))
        #expect(run.count < 12)
    }

    @Test func lz4KnownVectors() throws {
        // token 0x14: 1 literal, match length 4+4; offset 1: "a" repeated 9 times, then a final 5-literal sequence.
        let block: [UInt8] = [0x14, 0x61, 0x01, 0x00, 0x50] + Array("bcdef".utf8)
        #expect(
            try ParquetCompression.lz4Raw.decompress(block[...], uncompressedSize: 14)
                == Array("aaaaaaaaabcdef".utf8))
        #expect(try ParquetCompression.lz4Raw.compress([]) == [0])
    }

    @Test func gzipReadsConcatenatedMembers() throws {
        let first = Array("first member, ".utf8)
        let second = Array("second member".utf8)
        let joined = try ParquetCompression.gzip.compress(first) + ParquetCompression.gzip.compress(second)
        let restored = try ParquetCompression.gzip.decompress(joined[...], uncompressedSize: first.count + second.count)
        #expect(restored == first + second)
    }

    @Test(arguments: ParquetCompression.allCases)
    func wrongDeclaredSizeThrows(codec: ParquetCompression) throws {
        let input = CodecSamples.repetitive(5000, seed: 9)
        let compressed = try codec.compress(input)
        #expect(throws: ParquetError.self) {
            try codec.decompress(compressed[...], uncompressedSize: input.count + 1)
        }
        #expect(throws: ParquetError.self) {
            try codec.decompress(compressed[...], uncompressedSize: Int(Int32.max))
        }
    }

    @Test(arguments: [ParquetCompression.snappy, .gzip, .zstd, .lz4Raw])
    func corruptInputThrowsOrDecodesWithinBounds(codec: ParquetCompression) throws {
        let input = CodecSamples.repetitive(20_000, seed: 3)
        let compressed = try codec.compress(input)
        var generator = SplitMix64(seed: 77)
        var failures = 0
        for trial in 0..<300 {
            var damaged = compressed
            if trial % 3 == 0 {
                damaged.removeLast(Int.random(in: 1...damaged.count, using: &generator))
            } else {
                for _ in 0..<(1 + trial % 4) {
                    damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(
                        in: 0...255, using: &generator)
                }
            }
            do {
                let output = try codec.decompress(damaged[...], uncompressedSize: input.count)
                #expect(output.count == input.count)
            } catch is ParquetError {
                failures += 1
            }
        }
        #expect(failures > 0)
        for size in [0, 1, 2, 5, 100] {
            let garbage = CodecSamples.random(size, seed: UInt64(size))
            _ = try? codec.decompress(garbage[...], uncompressedSize: 1000)
        }
    }
}
