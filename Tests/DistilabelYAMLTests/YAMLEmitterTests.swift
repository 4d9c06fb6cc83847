import Distilabel
import DistilabelTesting
import DistilabelYAML
import Foundation
import Testing

/// Inline data with every kind of awkward string survives `pipeline.yaml` exactly.
@Suite struct YAMLEmitterTests {
    static let awkward: [String] = [
        "", " leading space", "trailing ", "~", "-", "- item", ".inf", ".nan", "1_000", "0x1F", "0o17", "2001-12-14",
        "12:30:00", "1.5.3", "1.5", "+1", "yes", "No", "ON", "null", "Null", "#comment", "a: b", "a #b", "[x]", "{y}",
        "*alias", "&anchor", "!tag", "%directive", "@at", "`tick", "'single'", "\"double\"", "back\\slash",
        "tab\there", "line\nbreak\n", "crlf\r\n", "nul\u{0}byte", "bell\u{7}", "del\u{7F}", "nel\u{85}", "ls\u{2028}",
        "ps\u{2029}", "bom\u{FEFF}", "é — ünïcödé 漢字 🦙", "/absolute/path", "distilabel.steps.columns.keep",
        "snake_case-and.dots", "e", "E10", "1e5",
    ]

    @Test func awkwardStringsRoundTripThroughOurReader() throws {
        let rows: [Row] = Self.awkward.enumerated().map { index, text in
            ["text": .string(text), "n": .int(Int64(index)), "x": .double(Double(index) / 3), text: .bool(true)]
        }
        let pipeline = try Pipeline(name: "awkward") { p in
            p.add(LoadDataFromDicts(rows: rows), name: "load")
        }
        let text = try PipelineYAML.string(for: pipeline)
        let back = try PipelineYAML.pipeline(fromYAML: text)
        let step = try #require(back.nodes.first?.step as? LoadDataFromDicts)
        #expect(step.rows == rows)
    }

    /// A dataset of several megabytes is streamed to the file in pieces: the file is the same text the whole
    /// document gives, and reads back as the same rows.
    @Test func aLargeInlineDatasetIsStreamedToTheFile() async throws {
        let rows: [Row] = (0..<60_000).map { index in
            index % 1000 == 0
                ? ["id": .int(Int64(index)), "text": .string(Self.awkward[index / 1000 % Self.awkward.count])]
                : ["id": .int(Int64(index)), "text": .string("row \(index) with some words")]
        }
        let pipeline = try Pipeline(name: "large") { p in
            p.add(LoadDataFromDicts(rows: rows), name: "load") >>> p.add(KeepColumns(["id"]), name: "keep")
        }
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("pipeline.yaml")
            try PipelineYAML.write(pipeline, to: url)
            let written = try String(contentsOf: url, encoding: .utf8)
            #expect(written.utf8.count > 2 << 20)
            #expect(written == (try PipelineYAML.string(for: pipeline)))
            let back = try PipelineYAML.read(from: url)
            let step = try #require(back.nodes.first?.step as? LoadDataFromDicts)
            #expect(step.data.count == rows.count)
            #expect(step.rows == rows)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(leftovers == ["pipeline.yaml"])
        }
    }
}
