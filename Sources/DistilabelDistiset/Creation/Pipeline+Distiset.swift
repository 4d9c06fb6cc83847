import DistilabelCache
public import DistilabelCore
import Foundation

extension Pipeline {
    /// distilabel's `pipeline.run(...)`: runs the pipeline with the durable cache (see
    /// `runWithCache(parameters:useCache:cacheDirectory:options:commitInterval:registry:)`) and returns its
    /// dataset, read back from the execution's `data/` folder: one configuration per leaf step (a lone one named
    /// `default`), each with a `train` split, with the execution's `pipeline.yaml` and `pipeline.log` attached.
    ///
    /// A run stopped before the end (``RunOptions/stop``) returns what its leaves have so far; resume by calling
    /// this again. The `distilabel_metadata` column is kept when the pipeline's `enableMetadata` is on.
    public func runDistiset(
        parameters: RuntimeParameters = [:], useCache: Bool = true, cacheDirectory: String? = nil,
        options: RunOptions = RunOptions()
    ) async throws -> Distiset {
        var options = options
        // The rows come from the cache, not from memory: the run itself can keep its memory flat.
        options.collectLeafRows = false
        let output = try await runWithCache(
            parameters: parameters, useCache: useCache, cacheDirectory: cacheDirectory, options: options)
        let directory = CacheLayout(cacheDirectory: cacheDirectory ?? self.cacheDirectory)
            .executionDirectory(pipelineName: name, signature: output.signature)
        return try Distiset.fromExecution(
            directory: directory, leaves: leafNames, enableMetadata: enableMetadata, pipeline: self)
    }
}
