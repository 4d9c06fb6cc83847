import ArgumentParser
import DistilabelLLMs
import DistilabelTesting
public import DistilabelYAML
import Foundation

/// The command line's entry point, for the `distilabel` executable and for your own executable that registers its
/// step types:
///
/// ```swift
/// var registry = DistilabelCLI.standardRegistry
/// registry.register(step: "Uppercase") { fields in Uppercase(column: try fields.requiredString("column")) }
/// exit(await DistilabelCLI.main(registry: registry))
/// ```
public enum DistilabelCLI {
    /// The registry the commands read `pipeline.yaml` with.
    @TaskLocal static var registry: StepRegistry = standardRegistry

    /// The built-in steps and tasks plus ``MockLLM`` (a deterministic LLM that needs no server: for tests and
    /// examples). LLM client modules add theirs with ``StepRegistry/registeringLLMs(_:)``.
    public static var standardRegistry: StepRegistry {
        StepRegistry.builtIn.registeringLLMs { registry in
            registry.register(llm: "MockLLM", module: "distilabel_testing") { fields in
                let latency = try fields.double("latency_seconds") ?? 0
                return MockLLM(modelName: try fields.string("model") ?? "mock-model", latency: .seconds(latency))
            }
            // Python distilabel's fields that have no effect here (or are secrets, never read from a file).
            let pythonOnly = [
                "api_key", "max_retries", "timeout", "structured_output", "jobs_ids", "default_headers",
                "offline_batch_generation_block_until_done", "use_offline_batch_generation", "http_client",
                "tokenizer_id", "use_magpie_template", "magpie_pre_query_template", "follow_redirects",
            ]
            registry.register(llm: "OpenAILLM", module: "distilabel.models.llms.openai") { fields in
                for key in pythonOnly { fields.ignore(key) }
                return OpenAILLM(
                    model: try fields.requiredString("model"),
                    baseURL: try fields.string("base_url") ?? "https://api.openai.com/v1",
                    baseURLs: try fields.strings("base_urls"),
                    apiKeyEnvironmentVariable: try fields.string("api_key_env_var") ?? "OPENAI_API_KEY")
            }
            registry.register(llm: "AnthropicLLM", module: "distilabel.models.llms.anthropic") { fields in
                for key in pythonOnly { fields.ignore(key) }
                return AnthropicLLM(
                    model: try fields.requiredString("model"),
                    baseURL: try fields.string("base_url") ?? "https://api.anthropic.com",
                    apiKeyEnvironmentVariable: try fields.string("api_key_env_var") ?? "ANTHROPIC_API_KEY")
            }
            registry.register(llm: "OllamaLLM", module: "distilabel.models.llms.ollama") { fields in
                for key in pythonOnly { fields.ignore(key) }
                return OllamaLLM(
                    model: try fields.requiredString("model"),
                    host: try fields.string("host") ?? "http://localhost:11434")
            }
            registry.register(llm: "LocalGGUFLLM", module: "swift_distilabel.llms") { fields in
                fields.ignore("model")
                return LocalGGUFLLM(modelPath: try fields.string("model_path"))
            }
        }
    }

    /// Parses `arguments` (the process's arguments when `nil`), runs the command and returns the exit code: 0 done,
    /// 1 error, 2 usage, 130/143 interrupted. Errors are printed to standard error as one message.
    public static func main(arguments: [String]? = nil, registry: StepRegistry = standardRegistry) async -> Int32 {
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        return await $registry.withValue(registry) {
            do {
                var command = try DistilabelCommand.parseAsRoot(arguments)
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
                return 0
            } catch {
                return report(error)
            }
        }
    }

    /// Prints `error` as the command line shows it and returns its exit code.
    static func report(_ error: any Error) -> Int32 {
        if let exit = error as? ExitCode { return exit.rawValue }
        if let cliError = error as? CLIError {
            FileHandle.standardError.write(Data("error: \(cliError.description)\n".utf8))
            return cliError.exitCode
        }
        let code = DistilabelCommand.exitCode(for: error).rawValue
        let message = DistilabelCommand.fullMessage(for: error)
        if code == 0 {
            print(message)
            return 0
        }
        // ArgumentParser's usage errors use EX_USAGE (64); we document 2 as most command lines do.
        if code == ExitCode.validationFailure.rawValue {
            FileHandle.standardError.write(Data("\(message)\n".utf8))
            return 2
        }
        let described = String(describing: error)
        FileHandle.standardError.write(Data("error: \(described)\n".utf8))
        return 1
    }
}
