/// Errors of the command line itself, each with the exit code it ends the process with.
enum CLIError: Error, CustomStringConvertible {
    case invalidParameter(String, reason: String)
    case noSuchCachedPipeline(name: String, signature: String?, cacheDirectory: String)
    case interrupted(signal: Int32, cacheDirectory: String)
    case notFound(path: String)

    var description: String {
        switch self {
        case .invalidParameter(let parameter, let reason):
            return "invalid --param '\(parameter)': \(reason). Use --param STEP.KEY[.SUBKEY]=VALUE."
        case .noSuchCachedPipeline(let name, let signature, let cacheDirectory):
            let what = signature.map { "'\(name)' with signature \($0)" } ?? "'\(name)'"
            return "no cached pipeline \(what) in \(cacheDirectory). See 'distilabel cache list'."
        case .interrupted(let signal, let cacheDirectory):
            return "interrupted by \(signal == 15 ? "SIGTERM" : "SIGINT"); finished batches are saved in "
                + "\(cacheDirectory). Run the same command again to resume."
        case .notFound(let path):
            return "\(path) does not exist."
        }
    }

    var exitCode: Int32 {
        switch self {
        case .interrupted(let signal, _): return 128 + signal
        case .invalidParameter: return 2
        default: return 1
        }
    }
}
