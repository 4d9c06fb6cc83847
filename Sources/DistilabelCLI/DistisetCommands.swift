import ArgumentParser
import Distilabel
import Foundation

/// `distilabel distiset …`.
struct DistisetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distiset", abstract: "Build datasets from pipeline data folders.",
        subcommands: [DistisetCreateCommand.self])
}

/// `distilabel distiset create DATA_DIR --output DIR [--enable-metadata]`.
struct DistisetCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Build a Distiset from a data folder and save it in the Hugging Face Hub layout.",
        discussion: """
            DATA_DIR is the data folder of a pipeline execution (ours, or one written by Python distilabel \
            1.0-1.5). One configuration per leaf step, each with a train split; pipeline.yaml and pipeline.log \
            beside the folder are carried along.
            """)

    @Argument(help: ArgumentHelp("The data folder.", valueName: "data-dir"))
    var dataDirectory: String

    @Option(name: .long, help: ArgumentHelp("Where to save the dataset.", valueName: "dir"))
    var output: String

    @Flag(name: .long, help: "Keep the distilabel_metadata column.")
    var enableMetadata = false

    func run() async throws {
        let source = URL(fileURLWithPath: dataDirectory)
        guard FileManager.default.fileExists(atPath: source.path) else { throw CLIError.notFound(path: source.path) }
        let distiset = try createDistiset(dataDirectory: source, enableMetadata: enableMetadata)
        let target = URL(fileURLWithPath: output).standardizedFileURL
        try distiset.save(to: target)
        for configuration in distiset.configurations {
            let rows = configuration.splits.map { "\($0.name): \($0.rows.count) rows" }.joined(separator: ", ")
            print("\(configuration.name): \(rows)")
        }
        print("Output: \(target.path)")
    }
}
