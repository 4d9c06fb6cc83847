import ArgumentParser

/// The `distilabel` command: run and inspect pipelines, build datasets, manage the cache.
public struct DistilabelCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "distilabel",
        abstract: "Run distilabel pipelines described by pipeline.yaml, with a cache that resumes exactly.",
        discussion: """
            EXIT CODES:
              0    done
              1    error (the message says what went wrong and what to do)
              2    usage error (unknown option, missing argument)
              130  interrupted by SIGINT (Ctrl+C): finished batches are saved
              143  interrupted by SIGTERM: finished batches are saved
            Run the same command again to resume an interrupted run.

            ENVIRONMENT:
              DISTILABEL_CACHE_DIR  cache directory (~/.cache/distilabel/pipelines)
              DISTILABEL_LOG_LEVEL  trace, debug, info, notice, warning, error
                                    or critical (default: info)
            """,
        subcommands: [PipelineCommand.self, DistisetCommand.self, CacheCommand.self]
    )

    public init() {}
}

/// `distilabel pipeline …`.
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline", abstract: "Run a pipeline or describe it.",
        subcommands: [PipelineRunCommand.self, PipelineInfoCommand.self])
}

/// `distilabel cache …`.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "List and remove cached pipeline executions.",
        subcommands: [CacheListCommand.self, CacheCleanCommand.self])
}
