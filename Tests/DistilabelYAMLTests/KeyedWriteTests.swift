import Distilabel
import DistilabelTesting
import DistilabelYAML
import Foundation
import Testing

/// `pipeline.yaml` in an execution folder is written when what it describes changed, and left alone otherwise.
@Suite struct KeyedWriteTests {
    static func pipeline(rows: Int = 2_000, replicas: Int = 1) throws -> Pipeline {
        let data = (0..<rows).map { Row(columns: ["id", "text"], values: [.int(Int64($0)), .string("row \($0)")]) }
        return try Pipeline(name: "keyed") { p in
            p.add(LoadDataFromDicts(rows: data), name: "load", batchSize: 100)
                >>> p.add(KeepColumns(["id"]), name: "keep", replicas: replicas)
        }
    }

    /// The file's inode and bytes: a rename over it gives a new inode.
    static func identity(_ url: URL) throws -> (inode: Int, bytes: Foundation.Data) {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return ((attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1, try Foundation.Data(contentsOf: url))
    }

    @Test func anUnchangedPipelineIsNotWrittenAgain() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("pipeline.yaml")
            let pipeline = try Self.pipeline()
            let signature = try await PipelineSignature.compute(for: pipeline).signature
            #expect(try PipelineYAML.write(pipeline, to: url, signature: signature))
            let first = try Self.identity(url)
            let text = String(decoding: first.bytes, as: UTF8.self)
            // A comment line, then the very text of the unkeyed file; it reads back as the same pipeline.
            #expect(text.hasPrefix("# swift-distilabel description key: "))
            #expect(text.drop { $0 != "\n" }.dropFirst() == Substring(try PipelineYAML.string(for: pipeline)))
            let back = try PipelineYAML.read(from: url)
            #expect(
                (back.nodes.first?.step as? LoadDataFromDicts)?.rows
                    == (pipeline.nodes.first?.step as? LoadDataFromDicts)?.rows)

            // The same pipeline, built again: nothing is written (same inode, same bytes).
            let again = try Self.pipeline()
            #expect(try PipelineYAML.write(again, to: url, signature: signature) == false)
            let second = try Self.identity(url)
            #expect(second.inode == first.inode && second.bytes == first.bytes)

            // What the signature leaves out but the file shows (a replica count) is written anew.
            let replicated = try Self.pipeline(replicas: 2)
            #expect(try await PipelineSignature.compute(for: replicated).signature == signature)
            #expect(try PipelineYAML.write(replicated, to: url, signature: signature))
            #expect(try String(contentsOf: url, encoding: .utf8).contains("replicas: 2"))
            #expect(try PipelineYAML.write(replicated, to: url, signature: signature) == false)

            // Another signature (other inline data) is another file.
            let other = try Self.pipeline(rows: 2_001, replicas: 2)
            let otherSignature = try await PipelineSignature.compute(for: other).signature
            #expect(otherSignature != signature)
            #expect(try PipelineYAML.write(other, to: url, signature: otherSignature))
            #expect(try String(contentsOf: url, encoding: .utf8).contains("row 2000"))
        }
    }

    @Test func aFileWithoutItsKeyLineIsReplaced() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("pipeline.yaml")
            let pipeline = try Self.pipeline(rows: 10)
            let signature = try await PipelineSignature.compute(for: pipeline).signature
            try PipelineYAML.write(pipeline, to: url, signature: signature)
            let keyLine = try String(contentsOf: url, encoding: .utf8).prefix { $0 != "\n" }
            // No key line (an unkeyed write, a hand edit); the key line alone, cut before its line feed; a key line
            // followed by something else on the same line: each is rewritten.
            for damaged in [
                try PipelineYAML.string(for: pipeline), String(keyLine), keyLine + "0\n", "pipeline: {}\n",
            ] {
                try Foundation.Data(damaged.utf8).write(to: url)
                #expect(try PipelineYAML.write(pipeline, to: url, signature: signature), "\(damaged.prefix(60))")
                #expect(try String(contentsOf: url, encoding: .utf8).hasPrefix(keyLine + "\n"))
            }
        }
    }
}
