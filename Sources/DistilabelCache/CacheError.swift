/// Problems with a pipeline's cache, each naming the file involved and how to recover.
public enum CacheError: Error, Sendable, CustomStringConvertible {
    case locked(directory: String, pid: String)
    case corruptFile(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .locked(let directory, let pid):
            return "Another process (PID \(pid)) is running this pipeline with the cache at \(directory). "
                + "Wait for it to finish or stop it; two runs must not share one cache."
        case .corruptFile(let path, let reason):
            return "The cache file \(path) is damaged (\(reason)). Re-run with --ignore-cache to recompute "
                + "everything, or delete that file to recompute just the batches it held."
        case .writeFailed(let path, let reason):
            return "Could not write \(path): \(reason). Everything saved before is intact; free space and run "
                + "again to resume."
        }
    }
}
