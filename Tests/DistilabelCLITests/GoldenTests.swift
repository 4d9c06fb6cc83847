import ArgumentParser
import Foundation
import Testing

@testable import DistilabelCLI

/// The help texts and `pipeline info`'s output, compared with the files under `Golden/`.
struct GoldenTests {
    @Test(arguments: [
        ([String](), "help.txt"), (["pipeline", "run"], "help-pipeline-run.txt"),
        (["pipeline", "info"], "help-pipeline-info.txt"), (["cache"], "help-cache.txt"),
    ])
    func helpMatchesTheGoldenFile(path: [String], golden: String) throws {
        var command: any ParsableCommand.Type = DistilabelCommand.self
        for name in path {
            command = command.configuration.subcommands.first { $0._commandName == name }!
        }
        try expectGolden(DistilabelCommand.helpMessage(for: command, columns: 100) + "\n", golden)
    }

    @Test func theHelpDocumentsTheExitCodes() {
        let help = DistilabelCommand.helpMessage(columns: 100)
        for code in [
            "0    done", "1    error", "2    usage error", "130  interrupted by SIGINT", "143  interrupted by SIGTERM",
        ] {
            #expect(help.contains(code))
        }
    }

    @Test func pipelineInfoMatchesTheGoldenFile() throws {
        guard CLIProcess.require() else { return }
        let fixture = CLIProcess.testsFolder.appendingPathComponent("Fixtures/info-pipeline.yaml")
        let outcome = try CLIProcess.run(["pipeline", "info", "--config", fixture.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try expectGolden(outcome.stdout, "pipeline-info.txt")
        #expect(outcome.stdout.contains("llm.generation_kwargs.temperature (optional)"))
        #expect(outcome.stdout.contains("load: sample_n_steps(n=1, seed=0)"))
    }
}
