import Distilabel

/// Parses `--param STEP.KEY[.SUBKEY]=VALUE` into runtime parameters. Values are read as JSON when they parse
/// (`0.7`, `true`, `["a","b"]`, `{"k": 1}`) and as strings otherwise.
enum ParameterAssignments {
    static func parse(_ assignments: [String]) throws -> RuntimeParameters {
        var parameters: RuntimeParameters = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw CLIError.invalidParameter(assignment, reason: "there is no '='")
            }
            let path = assignment[..<equals]
            let text = String(assignment[assignment.index(after: equals)...])
            guard let dot = path.firstIndex(of: "."), dot != path.startIndex, path.index(after: dot) != path.endIndex
            else {
                throw CLIError.invalidParameter(assignment, reason: "the name must be STEP.KEY")
            }
            let step = String(path[..<dot])
            let key = String(path[path.index(after: dot)...])
            let value = (try? Value(json: text)) ?? .string(text)
            parameters[step, default: Row()][key] = value
        }
        return parameters
    }
}
