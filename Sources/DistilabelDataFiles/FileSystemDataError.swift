/// A data file that could not be read.
public enum FileSystemDataError: Error, Sendable, CustomStringConvertible {
    case missing(path: String)
    case noMatch(pattern: String)
    case unreadable(path: String)
    case unknownFormat(path: String)
    case invalid(path: String, line: Int?, reason: String)
    /// The file no longer holds the rows found when the step loaded: it changed during the run.
    case changed(path: String)

    public var description: String {
        switch self {
        case .missing(let path): return "Data file '\(path)' does not exist."
        case .noMatch(let pattern): return "No file matches '\(pattern)'."
        case .unreadable(let path): return "Cannot read data file '\(path)'."
        case .unknownFormat(let path):
            return
                "Cannot tell the format of '\(path)' from its extension: use .jsonl, .json, .csv or .parquet, or set the format."
        case .invalid(let path, let line, let reason):
            return "Invalid data in '\(path)'\(line.map { ", line \($0)" } ?? ""): \(reason)"
        case .changed(let path):
            return
                "Data file '\(path)' changed while the pipeline was reading it: run the pipeline again once the file is final."
        }
    }
}
