/// A processing step written as a closure: the counterpart of distilabel's `@step` decorator.
///
/// The closure's code cannot be hashed, so give the step a `typeName` and bump `version` (or put its parameters in
/// `configuration`) whenever the closure's behaviour changes: that is what invalidates cached batches.
public struct ClosureStep: ProcessingStep {
    private let description: ClosureStepDescription
    private let body: @Sendable (_ rows: [Row], _ context: StepContext) async throws -> [Row]

    public init(
        typeName: String, inputs: [String] = [], outputs: [String] = [], version: Int = 1,
        configuration: Row = Row(),
        _ body: @escaping @Sendable (_ rows: [Row], _ context: StepContext) async throws -> [Row]
    ) {
        self.description = ClosureStepDescription(
            typeName: typeName, inputs: inputs, outputs: outputs, version: version, configuration: configuration)
        self.body = body
    }

    public var typeName: String { description.typeName }
    public var inputs: [InputColumn] { description.inputs }
    public var outputs: [String] { description.outputs }
    public var configuration: Row { description.configuration }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        try await body(inputs.flatMap { $0 }, context)
    }
}

/// A global step written as a closure: it receives every upstream row at once.
public struct GlobalClosureStep: GlobalStep {
    private let description: ClosureStepDescription
    private let body: @Sendable (_ rows: [Row], _ context: StepContext) async throws -> [Row]

    public init(
        typeName: String, inputs: [String] = [], outputs: [String] = [], version: Int = 1,
        configuration: Row = Row(),
        _ body: @escaping @Sendable (_ rows: [Row], _ context: StepContext) async throws -> [Row]
    ) {
        self.description = ClosureStepDescription(
            typeName: typeName, inputs: inputs, outputs: outputs, version: version, configuration: configuration)
        self.body = body
    }

    public var typeName: String { description.typeName }
    public var inputs: [InputColumn] { description.inputs }
    public var outputs: [String] { description.outputs }
    public var configuration: Row { description.configuration }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        try await body(inputs.flatMap { $0 }, context)
    }
}

/// A generator written as a closure that returns the rows at `offset` (up to `size`) and whether they are the last.
/// It must be re-seekable: the same offset always gives the same rows.
public struct GeneratorClosureStep: GeneratorStep {
    public let typeName: String
    public let outputs: [String]
    public let configuration: Row
    private let body: @Sendable (_ offset: Int, _ size: Int) async throws -> GeneratedBatch

    public init(
        typeName: String, outputs: [String], version: Int = 1, configuration: Row = Row(),
        _ body: @escaping @Sendable (_ offset: Int, _ size: Int) async throws -> GeneratedBatch
    ) {
        self.typeName = typeName
        self.outputs = outputs
        var configuration = configuration
        configuration["version"] = .int(Int64(version))
        self.configuration = configuration
        self.body = body
    }

    public func columns(after available: [String]) -> [String] { outputs }

    public func batch(offset: Int, size: Int, context: StepContext) async throws -> GeneratedBatch {
        try await body(offset, size)
    }
}

/// What the processing and global closure steps share: their declared columns and the configuration that stands for
/// their code in the signature (`version` included).
private struct ClosureStepDescription: Sendable {
    let typeName: String
    let inputs: [InputColumn]
    let outputs: [String]
    let configuration: Row

    init(typeName: String, inputs: [String], outputs: [String], version: Int, configuration: Row) {
        self.typeName = typeName
        self.inputs = inputs.map { InputColumn($0) }
        self.outputs = outputs
        var configuration = configuration
        configuration["version"] = .int(Int64(version))
        self.configuration = configuration
    }
}
