import Distilabel
import DistilabelTesting
import Foundation
import Testing

/// The README's main job, `generate-responses`, run as a user runs it (with `--mock` instead of the model, which
/// the release-build checks cover): it saves the dataset, and a second run returns it from the cache.
@Suite(.serialized) struct MainJobTests {
    @Test func theMainJobSavesTheDatasetAndASecondRunReusesIt() async throws {
        let program = CLIProcess.product("generate-responses")
        try #require(
            FileManager.default.isExecutableFile(atPath: program.path), "build the generate-responses product first")
        try await withTemporaryDirectory { root in
            let output = root.appendingPathComponent("output")
            let arguments = [
                "--mock", "--output", output.path, "--data",
                CLIProcess.packageRoot.appendingPathComponent("Examples/data/instructions.jsonl").path,
            ]
            let environment = ["DISTILABEL_CACHE_DIR": root.appendingPathComponent("cache").path]
            let first = try CLIProcess.run(arguments, environment: environment, program: program)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("20 rows. Dataset saved to \(output.path)"), "\(first.stdout)")
            let saved = try Distiset.load(from: output)
            let rows = saved.rows()
            #expect(rows.count == 20)
            #expect(rows.map { $0["id"] } == (0..<20).map { .int(Int64($0)) })
            #expect(rows.allSatisfy { $0["generation"]?.stringValue?.isEmpty == false })
            #expect(rows.first?.columns.sorted() == ["generation", "id", "instruction", "model_name"])

            let cacheLine = try #require(first.stdout.split(separator: "\n").first { $0.hasPrefix("Cache: ") })
            let execution = URL(fileURLWithPath: String(cacheLine.dropFirst("Cache: ".count)))
            #expect(execution.path.hasPrefix(root.appendingPathComponent("cache/generate-responses").path))

            let second = try CLIProcess.run(arguments, environment: environment, program: program)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stderr.contains("The pipeline already finished"), "\(second.stderr)")
            #expect(try Distiset.load(from: output).rows() == rows)
        }
    }
}
