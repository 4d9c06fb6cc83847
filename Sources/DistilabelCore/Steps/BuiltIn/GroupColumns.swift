/// Groups a column across several predecessors: row `i` gets, in `grouped_<column>`, the list of that column's
/// values in row `i` of each input, in predecessor order.
public struct GroupColumns: ProcessingStep {
    public var columnsToGroup: [String]
    public var outputColumns: [String]?

    public init(_ columns: [String], outputColumns: [String]? = nil) {
        self.columnsToGroup = columns
        self.outputColumns = outputColumns
    }

    public var inputs: [InputColumn] { columnsToGroup.map { InputColumn($0) } }
    public var outputs: [String] { outputColumns ?? columnsToGroup.map { "grouped_\($0)" } }
    public var configuration: Row {
        var row: Row = ["columns": .list(columnsToGroup.map(Value.string))]
        if let outputColumns { row["output_columns"] = .list(outputColumns.map(Value.string)) }
        return row
    }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        let targets = Dictionary(uniqueKeysWithValues: zip(columnsToGroup, outputs))
        let count = inputs.map(\.count).min() ?? 0
        return (0..<count).map { index in
            var combined = Row()
            var groups: [String: [Value]] = [:]
            for input in inputs {
                for (column, value) in input[index].pairs {
                    if let target = targets[column] {
                        groups[target, default: []].append(value)
                        if !combined.contains(target) { combined[target] = .null }
                    } else {
                        combined[column] = value
                    }
                }
            }
            for (target, values) in groups { combined[target] = .list(values) }
            return combined
        }
    }
}
