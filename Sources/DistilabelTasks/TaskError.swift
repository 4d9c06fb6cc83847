/// Why a task could not build its prompt or was configured wrongly.
///
/// Row-level errors (a missing column, a malformed `messages` list) give that row null outputs and the message in
/// its `distilabel_metadata` (prefixed with the step's name); configuration errors fail the step when it loads.
public enum TaskError: Error, Sendable, Equatable {
    /// The row has no value for a column the prompt needs.
    case missingColumn(String, usage: String)
    /// A column holds a value the task cannot use.
    case invalidColumn(String, reason: String)
    /// A template does not parse or does not render.
    case template(String, reason: String)
    /// A task parameter is wrong.
    case invalidConfiguration(task: String, field: String, reason: String)
}

extension TaskError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missingColumn(let column, let usage):
            return "the row has no value for column '\(column)' (\(usage))"
        case .invalidColumn(let column, let reason):
            return "column '\(column)': \(reason)"
        case .template(let template, let reason):
            return "template \(template.debugDescription.prefix(80)): \(reason)"
        case .invalidConfiguration(let task, let field, let reason):
            return "\(task) field '\(field)': \(reason)"
        }
    }
}
