/// Merges several columns of each row into one list column (lists are concatenated, other values appended), removing
/// the merged columns.
public struct MergeColumns: ProcessingStep {
    public var columnsToMerge: [String]
    public var outputColumn: String

    public init(_ columns: [String], outputColumn: String = "merged_column") {
        self.columnsToMerge = columns
        self.outputColumn = outputColumn
    }

    public var inputs: [InputColumn] { columnsToMerge.map { InputColumn($0) } }
    public var outputs: [String] { [outputColumn] }
    public func columns(after available: [String]) -> [String] {
        available.filter { !columnsToMerge.contains($0) } + [outputColumn]
    }
    public var configuration: Row {
        ["columns": .list(columnsToMerge.map(Value.string)), "output_column": .string(outputColumn)]
    }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        inputs.flatMap { $0 }.map { row in
            var result = row
            var merged: [Value] = []
            for column in columnsToMerge {
                let value = result.removeValue(forColumn: column) ?? .null
                if case .list(let elements) = value {
                    merged.append(contentsOf: elements)
                } else {
                    merged.append(value)
                }
            }
            result[outputColumn] = .list(merged)
            return result
        }
    }
}
