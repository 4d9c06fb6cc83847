import Distilabel
import DistilabelYAML
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
}
