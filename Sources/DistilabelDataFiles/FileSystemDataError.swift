/// A data file that could not be read.
public enum FileSystemDataError: Error, Sendable, CustomStringConvertible {
    case missing(path: String)
    case noMatch(pattern: String)
    case unreadable(path: String)
    case unknownFormat(path: String)
    case invalid(path: String, line: Int?, reason: String)

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
        }
    }
}
