/// What can go wrong reading or writing `pipeline.yaml`: each case names the file, the step, the field and the line
/// involved, and its description says what to change.
public enum PipelineYAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not valid YAML.
    case syntax(file: String, line: Int, column: Int, problem: String)
    /// The file does not have the expected structure (a missing `pipeline` key, a step that is not a mapping…).
    case structure(file: String, line: Int?, problem: String)
    /// A step or LLM whose `type_info.name` is not registered.
    case unknownType(file: String, step: String, line: Int?, typeName: String, known: [String])
    /// A field the step's type does not accept.
    case unknownField(file: String, step: String, field: String, line: Int?, valid: [String])
    /// A field with a value of the wrong kind or out of range.
    case invalidField(file: String, step: String, field: String, line: Int?, reason: String)
    /// A required field with no value.
    case missingField(file: String, step: String, field: String, line: Int?)
    /// The steps and connections do not make a valid pipeline.
    case invalidPipeline(file: String, reason: String)
    /// The file could not be read or written.
    case io(file: String, reason: String)

    public var description: String {
        switch self {
        case .syntax(let file, let line, let column, let problem):
            return "\(file):\(line):\(column): YAML syntax error: \(problem)."
        case .structure(let file, let line, let problem):
            return "\(Self.place(file, line)): \(problem)."
        case .unknownType(let file, let step, let line, let typeName, let known):
            return "\(Self.place(file, line)): step '\(step)' has the unknown type '\(typeName)'. Known types: "
                + "\(known.joined(separator: ", ")). Register your own types in your executable's StepRegistry."
        case .unknownField(let file, let step, let field, let line, let valid):
            let accepted = valid.isEmpty ? "none" : valid.joined(separator: ", ")
            return "\(Self.place(file, line)): step '\(step)' has no field '\(field)'. Accepted fields: \(accepted)."
        case .invalidField(let file, let step, let field, let line, let reason):
            return "\(Self.place(file, line)): step '\(step)', field '\(field)': \(reason)."
        case .missingField(let file, let step, let field, let line):
            return "\(Self.place(file, line)): step '\(step)' needs the field '\(field)'."
        case .invalidPipeline(let file, let reason):
            return "\(file): \(reason)"
        case .io(let file, let reason):
            return "\(file): \(reason)"
        }
    }

    private static func place(_ file: String, _ line: Int?) -> String {
        line.map { "\(file):\($0)" } ?? file
    }
}
