import ArgumentParser
import Distilabel
import DistilabelYAML
import Foundation
import Logging

/// `distilabel pipeline run --config PATH …`.
struct PipelineRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline with the cache: saved batches are reused, and an interrupted run resumes.",
        discussion: """
            Every finished batch is saved under <cache dir>/<pipeline name>/<signature>/, with the pipeline.yaml \
            that describes the run. Ctrl+C (SIGINT) or SIGTERM stops after the batches in flight are saved \
            (exit code 130 or 143); running the same command again resumes where it stopped.
            """)

    @Option(name: .long, help: ArgumentHelp("The pipeline.yaml to run.", valueName: "path"))
    var config: String

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp(
            "A runtime parameter, e.g. text_generation.llm.generation_kwargs.temperature=0.7 (repeatable).",
            valueName: "step.key[.subkey]=value"))
    var parameters: [String] = []

    @Flag(name: .long, help: "Recompute every step instead of reusing saved batches.")
    var ignoreCache = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The cache directory (default: $DISTILABEL_CACHE_DIR or ~/.cache/distilabel/pipelines).",
            valueName: "dir"))
    var cacheDir: String?

    @Option(
        name: .long, help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Also save the dataset (a Distiset in the Hugging Face Hub layout) here.", valueName: "dir"))
    var output: String?

    func run() async throws {
        let parameters = try ParameterAssignments.parse(self.parameters)
        let registry = DistilabelCLI.registry
        let pipeline = try PipelineYAML.read(from: URL(fileURLWithPath: config), registry: registry)
        let logger = try CLILogging.logger(level: logLevel)
        let configured = try pipeline.applying(parameters)
        let cacheDirectory = CacheLayout(cacheDirectory: cacheDir ?? pipeline.cacheDirectory).root.path
        let directory = try await pipeline.executionDirectory(parameters: parameters, cacheDirectory: cacheDirectory)

        let progress = ExecutionProgress(steps: pipeline.topologicalOrder)
        let reporter = ProgressReporter(progress: progress, pipeline: configured)
        let reporting = Task { await reporter.run() }
        defer { reporting.cancel() }
        let useCache = !ignoreCache
        let (result, stoppedBy): (PipelineOutput, GracefulStop.Reason?)
        do {
            (result, stoppedBy) = try await GracefulStop.run(logger: logger) { stop in
                let options = RunOptions(collectLeafRows: false, stop: stop, progress: progress, logger: logger)
                // The cache folder's pipeline.yaml names this registry's modules (and never secrets).
                return try await pipeline.runWithCache(
                    parameters: parameters, useCache: useCache, cacheDirectory: cacheDirectory, options: options,
                    registry: registry)
            }
        } catch let stopped as RunStopped {
            throw CLIError.interrupted(
                signal: stopped.reason == .interrupt ? SIGINT : SIGTERM, cacheDirectory: directory.path)
        }
        reporting.cancel()
        await reporter.finish()

        if let stoppedBy, !result.isComplete {
            throw CLIError.interrupted(
                signal: stoppedBy == .interrupt ? SIGINT : SIGTERM, cacheDirectory: directory.path)
        }
        let counts = configured.leafNames.map { "\($0): \(result.leafRowCounts[$0] ?? 0) rows" }
        let failed = result.failedBatches > 0 ? " (\(result.failedBatches) failed batches)" : ""
        print(
            "Pipeline '\(pipeline.name)' \(result.isComplete ? "finished" : "stopped")\(failed): "
                + counts.joined(separator: ", "))
        print("Cache: \(directory.path)")
        if let output {
            let distiset = try Distiset.fromExecution(
                directory: directory, leaves: configured.leafNames, enableMetadata: pipeline.enableMetadata,
                pipeline: configured)
            let target = URL(fileURLWithPath: output)
            try distiset.save(to: target)
            print("Output: \(target.standardizedFileURL.path)")
        } else {
            print("Data: \(directory.appendingPathComponent("data").path)")
        }
    }
}

/// The logger the commands use: standard error, at `--log-level`, else `DISTILABEL_LOG_LEVEL`, else info.
enum CLILogging {
    static func logger(level: String?) throws -> Logger {
        let text = level ?? ProcessInfo.processInfo.environment["DISTILABEL_LOG_LEVEL"] ?? "info"
        guard let parsed = Logger.Level(rawValue: text.lowercased()) else {
            throw ValidationError(
                "invalid log level '\(text)': use trace, debug, info, notice, warning, error or critical")
        }
        var logger = Logger(label: "distilabel") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = parsed
        return logger
    }
}
