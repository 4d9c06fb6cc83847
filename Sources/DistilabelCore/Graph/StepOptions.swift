/// How a pipeline runs one step: names, mappings, batch sizes, replicas.
public struct StepOptions: Sendable, Hashable {
    /// Step input → row column: the step reads `row[mapping[input]]` as `input`.
    public var inputMappings: [String: String]
    /// Step output → row column: the step's `output` is written as `row[mapping[output]]`.
    public var outputMappings: [String: String]
    /// Rows per batch a generator produces.
    public var batchSize: Int
    /// Rows per batch a processing step receives.
    public var inputBatchSize: Int
    /// Copies of the step that process batches concurrently (not part of the signature).
    public var replicas: Int
    /// Whether the step's saved batches may be reused by a later run.
    public var useCache: Bool

    public init(
        inputMappings: [String: String] = [:], outputMappings: [String: String] = [:], batchSize: Int = 50,
        inputBatchSize: Int = 50, replicas: Int = 1, useCache: Bool = true
    ) {
        self.inputMappings = inputMappings
        self.outputMappings = outputMappings
        self.batchSize = batchSize
        self.inputBatchSize = inputBatchSize
        self.replicas = replicas
        self.useCache = useCache
    }
}

/// One step in a pipeline: its name, the step value and how it runs.
public struct PipelineNode: Sendable {
    public var name: String
    public var step: any Step
    public var options: StepOptions

    public init(name: String, step: any Step, options: StepOptions) {
        self.name = name
        self.step = step
        self.options = options
    }

    /// The kind of step.
    public var kind: StepKind {
        if step is any GeneratorStep { return .generator }
        if step is any GlobalStep { return .global }
        return .normal
    }

    /// The step's type name.
    public var typeName: String { step.typeName }

    /// The rows' batch size this node works in: `batchSize` for a generator, else `inputBatchSize`.
    public var effectiveBatchSize: Int { kind == .generator ? options.batchSize : options.inputBatchSize }
}

/// The three kinds of step.
public enum StepKind: String, Sendable, Hashable {
    case generator, normal, global
}
