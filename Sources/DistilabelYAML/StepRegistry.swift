public import DistilabelCore
import Yams

/// Maps the type names of `pipeline.yaml` (`type_info.name`) to the code that builds steps, LLMs and routing
/// functions, so that a pipeline can be rebuilt from its file.
///
/// ``builtIn`` knows the library's own types under their Python distilabel class names. Your executable adds its
/// own types and passes the registry to the command line's entry point:
///
/// ```swift
/// var registry = StepRegistry.builtIn
/// registry.register(step: "Uppercase") { fields in
///     Uppercase(column: try fields.requiredString("column"))
/// }
/// ```
public struct StepRegistry: Sendable {
    /// Builds a step from its fields. Read every field the type accepts; the others are reported as unknown.
    public typealias StepBuilder = @Sendable (YAMLFields) throws -> any Step
    /// Builds an LLM from the fields of a task's `llm` mapping.
    public typealias LLMBuilder = @Sendable (YAMLFields) throws -> any LLM
    /// Builds a routing function from its factory's keyword arguments.
    public typealias RoutingBuilder = @Sendable (_ kwargs: Row) throws -> RoutingBatchFunction

    struct Entry<Builder: Sendable>: Sendable {
        var module: String
        var build: Builder
    }

    var steps: [String: Entry<StepBuilder>] = [:]
    var llms: [String: Entry<LLMBuilder>] = [:]
    var routings: [String: Entry<RoutingBuilder>] = [:]

    /// An empty registry.
    public init() {}

    /// Registers a step type under `typeName` (the step's ``Step/typeName``). `module` is written to
    /// `type_info.module`.
    public mutating func register(step typeName: String, module: String = "swift", _ build: @escaping StepBuilder) {
        steps[typeName] = Entry(module: module, build: build)
    }

    /// Registers an LLM type under `typeName` (the LLM's ``LLM/typeName``).
    public mutating func register(llm typeName: String, module: String = "swift", _ build: @escaping LLMBuilder) {
        llms[typeName] = Entry(module: module, build: build)
    }

    /// Registers a routing function factory under `name` (the function's ``RoutingBatchFunction/name``).
    public mutating func register(
        routing name: String, module: String = "swift", _ build: @escaping RoutingBuilder
    ) {
        routings[name] = Entry(module: module, build: build)
    }

    /// This registry with `other`'s types added (`other` wins on a clash).
    public func merging(_ other: StepRegistry) -> StepRegistry {
        var result = self
        result.steps.merge(other.steps) { $1 }
        result.llms.merge(other.llms) { $1 }
        result.routings.merge(other.routings) { $1 }
        return result
    }

    /// The registered step type names, sorted.
    public var stepTypeNames: [String] { steps.keys.sorted() }
    /// The registered LLM type names, sorted.
    public var llmTypeNames: [String] { llms.keys.sorted() }

    /// The `type_info.module` written for a step type.
    func module(ofStep typeName: String) -> String { steps[typeName]?.module ?? "swift" }
    /// The `type_info.module` written for an LLM type: the registered one, else Python distilabel's module for the
    /// LLMs both implementations have (a cache's `pipeline.yaml` is written without the CLI's registry), so that
    /// Python distilabel can load the file.
    func module(ofLLM typeName: String) -> String {
        llms[typeName]?.module ?? Self.pythonLLMModules[typeName] ?? "swift"
    }

    /// Python distilabel 1.5's modules of the LLM types we implement under the same names.
    static let pythonLLMModules = [
        "OpenAILLM": "distilabel.models.llms.openai", "AnthropicLLM": "distilabel.models.llms.anthropic",
        "OllamaLLM": "distilabel.models.llms.ollama",
    ]
    /// The `type_info.module` written for a routing function.
    func module(ofRouting name: String) -> String { routings[name]?.module ?? "swift" }

    /// Fields every step may carry, written by Python distilabel or by us, that builders need not read.
    static let commonStepFields: Set<String> = [
        "name", "type_info", "resources", "input_mappings", "output_mappings", "use_cache", "batch_size",
        "input_batch_size", "runtime_parameters_info", "add_raw_output", "add_raw_input",
        "use_default_structured_output", "disable_cuda_device_placement",
    ]

    /// Fields every LLM may carry, written by Python distilabel, that builders need not read.
    static let commonLLMFields: Set<String> = [
        "type_info", "generation_kwargs", "use_offline_batch_generation", "offline_batch_generation_block_until_done",
        "jobs_ids", "runtime_parameters_info", "structured_output", "use_magpie_template", "magpie_pre_query_template",
    ]

    func buildStep(_ fields: YAMLFields) throws -> any Step {
        guard let entry = steps[fields.typeName] else {
            throw PipelineYAMLError.unknownType(
                file: fields.file, step: fields.stepName, line: fields.line(of: "type_info"),
                typeName: fields.typeName, known: stepTypeNames)
        }
        let step = try entry.build(fields)
        try fields.checkAllUsed(tolerated: Self.commonStepFields)
        return step
    }

    func buildLLM(_ mapping: Node.Mapping, stepName: String, file: String) throws -> any LLM {
        let typeName = try PipelineYAMLReader.typeName(of: mapping, step: stepName, file: file)
        let fields = YAMLFields(
            stepName: stepName, typeName: typeName, file: file, mapping: mapping, registry: self, prefix: "llm.")
        guard let entry = llms[typeName] else {
            throw PipelineYAMLError.unknownType(
                file: file, step: stepName, line: fields.line(of: "type_info"), typeName: typeName,
                known: llmTypeNames)
        }
        let llm = try entry.build(fields)
        try fields.checkAllUsed(tolerated: Self.commonLLMFields)
        return llm
    }

    func buildRouting(name: String, kwargs: Row, step: String, line: Int?, file: String) throws -> RoutingBatchFunction
    {
        guard let entry = routings[name] else {
            throw PipelineYAMLError.unknownType(
                file: file, step: step, line: line, typeName: name, known: routings.keys.sorted())
        }
        return try entry.build(kwargs)
    }
}
