/// Keeps only the given columns, in the given order.
public struct KeepColumns: ProcessingStep {
    public var columnsToKeep: [String]

    public init(_ columns: [String]) {
        self.columnsToKeep = columns
    }

    public var inputs: [InputColumn] { columnsToKeep.map { InputColumn($0) } }
    public var outputs: [String] { columnsToKeep }
    public func columns(after available: [String]) -> [String] { columnsToKeep }
    public var configuration: Row { ["columns": .list(columnsToKeep.map(Value.string))] }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        inputs.flatMap { $0 }.map { $0.keeping(columnsToKeep) }
    }
}
