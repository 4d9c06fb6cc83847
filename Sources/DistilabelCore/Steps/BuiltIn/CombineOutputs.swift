/// Merges the rows of several predecessors position by position: row `i` of the output has the columns of row `i`
/// of every input (later inputs win), with their `distilabel_metadata` merged.
public struct CombineOutputs: ProcessingStep {
    public init() {}

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        let count = inputs.map(\.count).min() ?? 0
        return (0..<count).map { index in
            var combined = Row()
            var metadata = Row()
            for input in inputs {
                let row = input[index]
                for (column, value) in row.pairs {
                    if column == MetadataColumn.name, case .struct(let fields) = value {
                        metadata = metadata.merging(fields)
                    } else {
                        combined[column] = value
                    }
                }
            }
            if !metadata.isEmpty { combined[MetadataColumn.name] = .struct(metadata) }
            return combined
        }
    }
}
