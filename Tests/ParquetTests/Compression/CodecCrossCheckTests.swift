import Foundation
import Testing

@testable import Parquet

/// Our codecs against independent implementations (cramjam and Python's zlib in `.venv-tools`), both directions.
@Suite struct CodecCrossCheckTests {
    @Test(arguments: [ParquetCompression.snappy, .gzip, .zstd, .lz4Raw])
    func othersReadWhatWeCompressAndWeReadWhatTheyCompress(codec: ParquetCompression) throws {
        guard PythonTools.require() else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("codec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, input) in [
            CodecSamples.repetitive(150_000, seed: 5), CodecSamples.random(70_000, seed: 6), [], Array("x".utf8),
        ].enumerated() {
            let raw = directory.appendingPathComponent("raw\(index)")
            let ours = directory.appendingPathComponent("ours\(index)")
            let theirs = directory.appendingPathComponent("theirs\(index)")
            let back = directory.appendingPathComponent("back\(index)")
            try Foundation.Data(input).write(to: raw)
            try Foundation.Data(try codec.compress(input)).write(to: ours)
            _ = try PythonTools.run(
                "codec_crosscheck.py", ["decompress", codec.rawValue, ours.path, back.path, "\(input.count)"])
            #expect(try [UInt8](Foundation.Data(contentsOf: back)) == input, "\(codec) input \(index)")
            _ = try PythonTools.run("codec_crosscheck.py", ["compress", codec.rawValue, raw.path, theirs.path])
            let compressed = try [UInt8](Foundation.Data(contentsOf: theirs))
            #expect(try codec.decompress(compressed[...], uncompressedSize: input.count) == input)
        }
    }
}
