public import Logging

/// What every step of a pipeline is, whatever its kind.
///
/// A step type is a value: the pipeline keeps a copy per replica, applies runtime parameters to it and calls
/// ``load(context:)`` before the first batch. Conform to one of the three kinds: ``GeneratorStep`` (no inputs;
/// produces batches), ``ProcessingStep`` (batch in, batch out) or ``GlobalStep`` (all rows at once).
///
/// Everything that determines a step's output must be in ``configuration`` (or, for input data, in
/// ``dataFingerprint()``): it makes the step's cache key, so a change recomputes the step and everything after it.
public protocol Step: Sendable {
    /// The type's name in `pipeline.yaml` and the step registry, e.g. `KeepColumns` (default: the Swift type's
    /// name).
    var typeName: String { get }

    /// The columns the step reads, after input mappings.
    var inputs: [InputColumn] { get }

    /// The columns the step writes.
    var outputs: [String] { get }

    /// The columns rows have after this step, given the columns they have before it (default: those plus
    /// ``outputs``).
    func columns(after available: [String]) -> [String]

    /// The parameters that determine the step's output, as written to `pipeline.yaml` and hashed into the
    /// signature. Never secrets.
    var configuration: Row { get }

    /// A fingerprint of input data the step reads (file contents, for example), or `nil`.
    func dataFingerprint() async throws -> String?

    /// The runtime parameters the step accepts.
    var runtimeParameters: [RuntimeParameterInfo] { get }

    /// Applies runtime parameter values (validated against ``runtimeParameters``; nested ones as struct values).
    mutating func applyRuntimeParameters(_ values: Row) throws

    /// Prepares resources before the first batch (once per replica).
    mutating func load(context: StepContext) async throws

    /// Releases what ``load(context:)`` prepared.
    func unload() async
}

extension Step {
    public var typeName: String { String(describing: Self.self) }
    public var inputs: [InputColumn] { [] }
    public var outputs: [String] { [] }
    public func columns(after available: [String]) -> [String] {
        var result = available
        for column in outputs where !result.contains(column) { result.append(column) }
        return result
    }
    public var configuration: Row { Row() }
    public func dataFingerprint() async throws -> String? { nil }
    public var runtimeParameters: [RuntimeParameterInfo] { [] }
    public mutating func applyRuntimeParameters(_ values: Row) throws {}
    public mutating func load(context: StepContext) async throws {}
    public func unload() async {}

    /// The default step name prefix: the type name in snake case (`TextGeneration` → `text_generation`).
    public var defaultNamePrefix: String { typeName.snakeCased }
}

/// A step with no inputs that produces the pipeline's rows in batches.
///
/// Generators must be re-seekable: asked for the batch at `offset`, they return exactly the rows an uninterrupted
/// run would have produced there. Exact resume depends on it.
public protocol GeneratorStep: Step {
    /// Up to `size` rows starting at row `offset`, and whether they are the last ones.
    func batch(offset: Int, size: Int, context: StepContext) async throws -> GeneratedBatch

    /// How many rows the generator will produce in all, when it knows (after ``Step/load(context:)``): progress
    /// displays show it as the total.
    var totalRows: Int? { get }

    /// Whether the cache may keep only the records of this generator's batches and ask it again for a batch's rows
    /// when a resumed run needs them. True only for generators whose batches are cheap to produce and fully
    /// determined by what is in the signature (their configuration and ``Step/dataFingerprint()``), such as
    /// ``LoadDataFromDicts``; the default, false, keeps the rows. A leaf generator's rows are always kept: they are
    /// the dataset.
    var replaysBatches: Bool { get }
}

extension GeneratorStep {
    public var totalRows: Int? { nil }

    public var replaysBatches: Bool { false }
}

/// A step that receives batches of rows from its predecessors and returns rows.
public protocol ProcessingStep: Step {
    /// Processes one batch: `inputs` holds one list of rows per predecessor, in connection order (a single list
    /// for a single predecessor). Rows already carry input mappings.
    func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row]
}

/// A processing step that receives every upstream row at once, in one batch.
public protocol GlobalStep: ProcessingStep {}

/// Rows produced by a generator for one batch.
public struct GeneratedBatch: Sendable {
    public var rows: [Row]
    /// Whether the generator has no rows after these.
    public var isLast: Bool

    public init(rows: [Row], isLast: Bool) {
        self.rows = rows
        self.isLast = isLast
    }
}

/// A column a step reads.
public struct InputColumn: Sendable, Hashable {
    public var name: String
    /// Whether the step fails validation when no predecessor produces it.
    public var isRequired: Bool

    public init(_ name: String, required: Bool = true) {
        self.name = name
        self.isRequired = required
    }
}

/// What a step sees while it runs.
public struct StepContext: Sendable {
    /// The step's name in the pipeline.
    public var stepName: String
    /// Which replica this is (0-based).
    public var replica: Int
    /// A logger with the step's name in its metadata.
    public var logger: Logger
    /// The folder shared by every execution of this pipeline name (`<cache directory>/<name>/`), where LLMs keep
    /// their request-level response cache; `nil` without a durable cache.
    public var pipelineCacheDirectory: String?
    /// Whether cached results must not be reused in this run (`--ignore-cache`).
    public var ignoreCache: Bool

    public init(
        stepName: String, replica: Int = 0, logger: Logger, pipelineCacheDirectory: String? = nil,
        ignoreCache: Bool = false
    ) {
        self.stepName = stepName
        self.replica = replica
        self.logger = logger
        self.pipelineCacheDirectory = pipelineCacheDirectory
        self.ignoreCache = ignoreCache
    }
}

extension String {
    /// `TextGeneration` → `text_generation`, `LoadDataFromDicts` → `load_data_from_dicts`.
    var snakeCased: String {
        var result = ""
        let characters = Array(self)
        for (index, character) in characters.enumerated() {
            if character.isUppercase {
                let previousIsLower = index > 0 && (characters[index - 1].isLowercase || characters[index - 1].isNumber)
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                let previousIsUpper = index > 0 && characters[index - 1].isUppercase
                if index > 0 && (previousIsLower || (previousIsUpper && nextIsLower)) { result += "_" }
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
