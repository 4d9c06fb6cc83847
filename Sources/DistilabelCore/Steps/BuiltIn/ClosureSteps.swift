/// A processing step written as a closure: the counterpart of distilabel's `@step` decorator.
///
/// The closure's code cannot be hashed, so give the step a `typeName` and bump `version` (or put its parameters in
/// `configuration`) whenever the closure's behaviour changes: that is what invalidates cached batches.
public struct ClosureStep: ProcessingStep {
    public let typeName: String
    public let inputs: [InputColumn]
    public let outputs: [String]
    public let configuration: Row
    private let body: @Sendable (_ rows: [Row], _ context: StepContext) async throws -> [Row]

    public init(
        typeName: String, inputs: [String] = [], outputs: [String] = [], version: Int = 1,
        configuration: Row = Row(),
        _ body: @escaping @Sendable (_ rows: [Row], _ context: StepContext) async throws -> [Row]
    ) {
        self.typeName = typeName
        self.inputs = inputs.map { InputColumn($0) }
        self.outputs = outputs
        var configuration = configuration
        configuration["version"] = .int(Int64(version))
        self.configuration = configuration
        self.body = body
    }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        try await body(inputs.flatMap { $0 }, context)
    }
}

/// A global step written as a closure: it receives every upstream row at once.
public struct GlobalClosureStep: GlobalStep {
    public let typeName: String
    public let inputs: [InputColumn]
    public let outputs: [String]
    public let configuration: Row
    private let body: @Sendable (_ rows: [Row], _ context: StepContext) async throws -> [Row]

    public init(
        typeName: String, inputs: [String] = [], outputs: [String] = [], version: Int = 1,
        configuration: Row = Row(),
        _ body: @escaping @Sendable (_ rows: [Row], _ context: StepContext) async throws -> [Row]
    ) {
        self.typeName = typeName
        self.inputs = inputs.map { InputColumn($0) }
        self.outputs = outputs
        var configuration = configuration
        configuration["version"] = .int(Int64(version))
        self.configuration = configuration
        self.body = body
    }

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
