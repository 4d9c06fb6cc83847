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

    func run() async throws {
        let registry = DistilabelCLI.registry
        let pipeline = try PipelineYAML.read(from: URL(fileURLWithPath: config), registry: registry)
        let parameters = try ParameterAssignments.parse(self.parameters)
        let logger = try CLILogging.logger(level: logLevel)
        let configured = try pipeline.applying(parameters)
        let signature = try await PipelineSignature.compute(for: configured)
        let layout = CacheLayout(cacheDirectory: cacheDir ?? pipeline.cacheDirectory)
        let directory = layout.executionDirectory(pipelineName: pipeline.name, signature: signature.signature)
        try PipelineYAML.write(configured, to: directory.appendingPathComponent("pipeline.yaml"), registry: registry)

        let progress = ExecutionProgress(steps: pipeline.topologicalOrder)
        let stop = StopSignal()
        let signals = SignalHandler(stop: stop, logger: logger)
        let sources = signals.install()
        defer { signals.uninstall(sources) }
        let reporter = ProgressReporter(progress: progress, totals: ProgressReporter.knownTotals(configured))
        let reporting = Task { await reporter.run() }
        defer { reporting.cancel() }

        let options = RunOptions(collectLeafRows: false, stop: stop, progress: progress, logger: logger)
        let output = try await pipeline.runWithCache(
            parameters: parameters, useCache: !ignoreCache, cacheDirectory: layout.root.path, options: options)
        reporting.cancel()
        await reporter.finish()

        if !output.isComplete, let signal = signals.received {
            throw CLIError.interrupted(signal: signal, cacheDirectory: directory.path)
        }
        let counts = configured.leafNames.map { "\($0): \(output.leafRowCounts[$0] ?? 0) rows" }
        let failed = output.failedBatches > 0 ? " (\(output.failedBatches) failed batches)" : ""
        print(
            "Pipeline '\(pipeline.name)' \(output.isComplete ? "finished" : "stopped")\(failed): "
                + counts.joined(separator: ", "))
        print("Cache: \(directory.path)")
        print("Data: \(directory.appendingPathComponent("data").path)")
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
