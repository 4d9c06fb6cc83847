/// Applies a step's input and output mappings the way distilabel does.
struct RowMappings: Sendable {
    let input: [String: String]
    let output: [String: String]
    private let reversedInput: [String: String]

    init(_ options: StepOptions) {
        input = options.inputMappings
        output = options.outputMappings
        reversedInput = Dictionary(options.inputMappings.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var isIdentity: Bool { input.isEmpty && output.isEmpty }

    /// Renames row columns to the step's input names; returns the values the renaming hid, to restore later.
    func applyInput(_ row: Row) -> (row: Row, overridden: Row) {
        guard !input.isEmpty else { return (row, Row()) }
        var renamed = Row()
        var overridden = Row()
        for (column, value) in row.pairs {
            let name = reversedInput[column] ?? column
            if name != column {
                if let hidden = row[name] { overridden[name] = hidden }
                renamed[name] = value
            } else if !renamed.contains(name) {
                renamed[name] = value
            }
        }
        return (renamed, overridden)
    }

    /// Renames the step's outputs (and inputs back) to row columns, restoring hidden values.
    func applyOutput(_ row: Row, overridden: Row) -> Row {
        guard !isIdentity else { return row }
        var result = Row()
        for (column, value) in row.pairs {
            result[output[column] ?? input[column] ?? column] = value
        }
        for (column, value) in overridden.pairs where !result.contains(column) {
            result[column] = value
        }
        return result
    }
}
