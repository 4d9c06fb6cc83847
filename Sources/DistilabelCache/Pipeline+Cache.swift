public import DistilabelCore
import Foundation

extension Pipeline {
    /// Runs the pipeline with the durable cache: batches saved by an earlier run of the same pipeline (same name
    /// and signature) are reused, and everything this run finishes is saved under
    /// `<cache directory>/<name>/<signature>/`, so that a crash, `kill -9` or Ctrl+C loses nothing.
    ///
    /// `useCache: false` recomputes everything and clears the execution's saved batches.
    public func runWithCache(
        parameters: RuntimeParameters = [:], useCache: Bool = true, cacheDirectory: String? = nil,
        options: RunOptions = RunOptions(), commitInterval: Duration = .seconds(1)
    ) async throws -> PipelineOutput {
        var options = options
        if !parameters.isEmpty { options.parameters = parameters }
        options.useCache = useCache
        let configured = try applying(options.parameters)
        let signature = try await PipelineSignature.compute(for: configured)
        let layout = CacheLayout(cacheDirectory: cacheDirectory ?? self.cacheDirectory)
        let directory = layout.executionDirectory(pipelineName: name, signature: signature.signature)
        let resuming = FileManager.default.fileExists(
            atPath: directory.appendingPathComponent("batch_manager.json").path)
        options.logger.info(
            "\(resuming && useCache ? "Load pipeline from cache" : "New pipeline execution"): \(directory.path)")
        let store = DurableExecutionStore(directory: directory, commitInterval: commitInterval)
        return try await configured.execute(signature: signature, store: store, options: options)
    }
}
