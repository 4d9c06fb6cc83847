import Distilabel
import DistilabelTesting
import DistilabelYAML
import Foundation
import Logging
import Testing

/// The formatting steps against Python distilabel 1.5.3 itself: the same rows through each Python step's
/// `process()` and ours give the same rows (columns, values, order) or both fail; our SHA-256 against `hashlib`;
/// `DataSampler`'s shape against Python's; and a `pipeline.yaml` written by Python with these steps runs here.
struct PythonFormattingTests {
    static let script = CLIProcess.testsFolder.appendingPathComponent("Python/run_formatting_steps.py")

    /// Python, or `nil` after saying why the test is skipped (an issue under CI, where the tools must be there).
    static func pythonOrSkip() -> URL? {
        if let python = PythonCompatibilityTests.python { return python }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("Python distilabel 1.5.3 is missing: run Scripts/bootstrap-test-tools")
        } else {
            print("skipped: no Python with distilabel 1.5.3 (run Scripts/bootstrap-test-tools)")
        }
        return nil
    }

    /// Runs `script` on `cases` (written to a JSON file) and returns what it printed, parsed.
    static func runPython(_ python: URL, cases: [Value], in root: URL) throws -> [Value] {
        let input = root.appendingPathComponent("cases.json")
        try Foundation.Data(Value.list(cases).jsonString().utf8).write(to: input)
        let run = try CLIProcess.run([script.path, input.path], program: python)
        guard run.status == 0 else {
            throw PipelineError.stepFailed(step: "python", message: String(run.stderr.suffix(2000)))
        }
        return try Value(json: run.stdout).listValue ?? []
    }

    static func turn(_ role: String, _ content: Value) -> Value { ["role": .string(role), "content": content] }

    /// Batches for each step, edge cases included: missing and empty system prompts, ties, null, mixed and
    /// equal ratings, null generations, conversations without a user turn, mismatched lengths.
    static var cases: [(step: any ProcessingStep, rows: [Row])] {
        let question: Value = [turn("user", "What's 2+2?")]
        let long: Value = [
            turn("system", "Sys"), turn("assistant", "Hello"), turn("user", "Ünïcödé 🦙 漢字"), turn("user", "again"),
        ]
        let dpoRows: [Row] = [
            ["instruction": "What's 2+2?", "generations": ["4", "5", "6"], "ratings": [1, 0, -1]],
            [
                "system_prompt": "Be brief.", "instruction": "Q", "generations": ["a", "b", "c", "d"],
                "generation_models": ["m0", "m1", "m2", "m3"], "ratings": [2, 5.0, 5, 2.0],
            ],
            ["system_prompt": "", "instruction": "", "generations": ["x", nil], "ratings": [3.5, 3.5]],
            ["instruction": "T", "generations": ["x", "y"], "ratings": [true, 0.5], "system_prompt": nil],
            ["instruction": "N", "generations": ["x"], "ratings": [nil], "generation_models": ["only"]],
            ["instruction": "S", "generations": ["x", "y", "z"], "ratings": ["b", "a", "c"]],
            ["instruction": "F", "generations": ["x", "y"], "ratings": [-0.0, 0], "generation_models": ["p", "q"]],
        ]
        let chatDPORows: [Row] = [
            ["messages": question, "generations": ["4", "5", "6"], "ratings": [1, 0, -1]],
            ["messages": long, "generations": ["a", "b"], "ratings": [1, 9], "generation_models": ["m", "n"]],
        ]
        return [
            (
                FormatTextGenerationSFT(),
                [
                    ["instruction": "What's 2+2?", "generation": "4"],
                    ["system_prompt": "Be brief.", "instruction": "Q", "generation": nil, "id": 3],
                    ["prompt": "old", "system_prompt": "", "instruction": "Ünïcödé 🦙 漢字", "generation": "ok"],
                    ["instruction": "", "generation": "", "system_prompt": 5],
                ]
            ),
            (FormatTextGenerationSFT(), [["instruction": nil, "generation": "x"]]),
            (
                FormatChatGenerationSFT(),
                [["messages": question, "generation": "4"], ["messages": long, "generation": nil, "id": 1]]
            ),
            (FormatChatGenerationSFT(), [["messages": [turn("system", "only")], "generation": "x"]]),
            (FormatChatGenerationSFT(), [["messages": [["content": "no role"]], "generation": "x"]]),
            (FormatTextGenerationDPO(), dpoRows),
            (FormatTextGenerationDPO(), [["instruction": "Q", "generations": ["x", "y"], "ratings": [nil, 2]]]),
            (FormatTextGenerationDPO(), [["instruction": "Q", "generations": ["x", "y"], "ratings": [4, nil]]]),
            (FormatTextGenerationDPO(), [["instruction": "Q", "generations": ["x", "y"], "ratings": [1, "2"]]]),
            (FormatTextGenerationDPO(), [["instruction": "Q", "generations": ["x", "y"], "ratings": []]]),
            (FormatTextGenerationDPO(), [["instruction": "Q", "generations": ["x"], "ratings": [1, 2]]]),
            (
                FormatTextGenerationDPO(),
                [["instruction": "Q", "generations": ["x", "y"], "ratings": [1, 2], "generation_models": ["m"]]]
            ),
            (
                FormatTextGenerationDPO(),
                [["instruction": "Q", "generations": ["x", "y"], "ratings": [1, 2], "generation_models": nil]]
            ),
            (FormatChatGenerationDPO(), chatDPORows),
            (FormatChatGenerationDPO(), [["messages": [], "generations": ["x", "y"], "ratings": [1, 2]]]),
            (
                ConversationTemplate(),
                [["instruction": "Hello", "response": "Hi"], ["instruction": nil, "response": ["a": 1], "x": 2]]
            ),
        ]
    }

    @Test func pythonsStepsAndOursGiveTheSameRows() async throws {
        guard let python = Self.pythonOrSkip() else { return }
        try await withTemporaryDirectory { root in
            let cases = Self.cases
            let results = try Self.runPython(
                python,
                cases: cases.map { ["step": .string($0.step.typeName), "rows": .list($0.rows.map(Value.struct))] },
                in: root)
            try #require(results.count == cases.count)
            var compared = 0
            for (index, (step, rows)) in cases.enumerated() {
                let expected = try #require(results[index].structValue)
                let ours: [Row]?
                do {
                    ours = try await step.process([rows], context: StepContext(stepName: "s", logger: quietLogger))
                } catch {
                    ours = nil
                }
                if let error = expected["error"] {
                    #expect(ours == nil, "case \(index) (\(step.typeName)): Python raised \(error), we did not")
                } else {
                    let pythonRows = try #require(expected["rows"]?.listValue).map { $0.structValue ?? Row() }
                    #expect(ours == pythonRows, "case \(index) (\(step.typeName))")
                    if let ours {
                        #expect(ours.map(\.columns) == pythonRows.map(\.columns), "case \(index): column order")
                    }
                    compared += 1
                }
            }
            #expect(compared == 5)
        }
    }

    @Test func sha256MatchesHashlibOnRandomText() async throws {
        guard let python = Self.pythonOrSkip() else { return }
        var generator = SplitMix64(seed: 20_261_126)
        let alphabet = Array("abc XYZ 019\n\t\"\\é漢字🦙—\u{0}\u{7F}\u{85}\u{2028}ß")
        var texts = [""]
        for _ in 0..<300 {
            let length = Int(generator.next() % 160)
            texts.append(String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        texts += (50..<70).map { String(repeating: "x", count: $0) }
        try await withTemporaryDirectory { root in
            let results = try Self.runPython(python, cases: [["sha256": .list(texts.map(Value.string))]], in: root)
            let digests = try #require(results.first?.structValue?["digests"]?.listValue)
            #expect(digests.count == texts.count)
            #expect(digests == texts.map { .string(SHA256.hex($0)) })
        }
    }

    @Test func dataSamplerHasPythonsShape() async throws {
        guard let python = Self.pythonOrSkip() else { return }
        let data: [Row] = (0..<8).map { ["sample": .string("sample \($0)"), "id": .int(Int64($0))] }
        try await withTemporaryDirectory { root in
            let results = try Self.runPython(
                python,
                cases: [
                    [
                        "step": "DataSampler", "data": .list(data.map(Value.struct)), "size": 3, "samples": 10,
                        "batch_size": 4,
                    ]
                ], in: root)
            let result = try #require(results.first?.structValue)
            let theirs = try #require(result["batches"]?.listValue).map { $0.listValue ?? [] }
            let step = DataSampler(data: data, size: 3, samples: 10)
            #expect(result["outputs"] == .list(step.outputs.map(Value.string)))
            var ours: [[Value]] = []
            for k in 0..<3 {
                ours.append(try await step.batch(offset: k * 4, size: 4, context: testContext).rows.map(Value.struct))
            }
            #expect(ours.map(\.count) == theirs.map(\.count))
            // The same shape: the same columns, `size` values each, every value from the data.
            func shape(_ rows: [[Value]]) -> [[String]] {
                rows.map { $0.map { ($0.structValue?.columns ?? []).joined(separator: ",") } }
            }
            #expect(shape(ours) == shape(theirs))
            for row in (ours + theirs).flatMap({ $0 }).compactMap(\.structValue) {
                #expect(row["id"]?.listValue?.count == 3)
                #expect(row["sample"]?.listValue?.allSatisfy { data.map { $0["sample"] }.contains($0) } == true)
            }
        }
    }
}

private let testContext = StepContext(stepName: "sampler", logger: quietLogger)

let quietLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}()
