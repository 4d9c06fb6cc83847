import DistilabelCore
import Foundation

/// Where a pipeline's cache lives: `<cache directory>/<pipeline name>/<signature>/`.
public struct CacheLayout: Sendable, Hashable {
    /// The cache directory holding every pipeline's folder.
    public var root: URL

    /// The cache directory a pipeline uses: its `cacheDirectory`, else `DISTILABEL_CACHE_DIR`, else
    /// `~/.cache/distilabel/pipelines`, with `~` expanded.
    public init(cacheDirectory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let chosen =
            cacheDirectory ?? environment["DISTILABEL_CACHE_DIR"]
            ?? (environment["HOME"].map { $0 + "/.cache/distilabel/pipelines" } ?? "~/.cache/distilabel/pipelines")
        root = URL(fileURLWithPath: (chosen as NSString).expandingTildeInPath).standardizedFileURL
    }

    /// The folder of one execution of a pipeline.
    public func executionDirectory(pipelineName: String, signature: String) -> URL {
        root.appendingPathComponent(pipelineName, isDirectory: true).appendingPathComponent(
            signature, isDirectory: true)
    }
}
