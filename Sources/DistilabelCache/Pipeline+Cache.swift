public import DistilabelCore
public import DistilabelYAML
public import Foundation
import Logging

extension Pipeline {
    /// The execution folder this pipeline uses with these runtime parameters:
    /// `<cache directory>/<name>/<signature>/`.
    public func executionDirectory(
        parameters: RuntimeParameters = [:], cacheDirectory: String? = nil
    ) async throws -> URL {
        let signature = try await PipelineSignature.compute(for: try applying(parameters))
        return CacheLayout(cacheDirectory: cacheDirectory ?? self.cacheDirectory)
            .executionDirectory(pipelineName: name, signature: signature.signature)
    }

    /// Runs the pipeline with the durable cache: batches saved by an earlier run of the same pipeline are reused,
    /// and everything this run finishes is saved under `<cache directory>/<name>/<signature>/`, so that a crash,
    /// `kill -9` or Ctrl+C loses nothing. Steps unchanged since an earlier execution under the same name (same
    /// cache key: the step and everything upstream of it) are reused too.
    ///
    /// `useCache: false` recomputes everything and clears the execution's saved batches. The log of every run is
    /// appended to the execution's `pipeline.log`, and the pipeline is described in its `pipeline.yaml` (with
    /// `registry`'s module names; never secrets), written only when it changed.
    public func runWithCache(
        parameters: RuntimeParameters = [:], useCache: Bool = true, cacheDirectory: String? = nil,
        options: RunOptions = RunOptions(), commitInterval: Duration = .seconds(1), registry: StepRegistry = .builtIn
    ) async throws -> PipelineOutput {
        var options = options
        if !parameters.isEmpty { options.parameters = parameters }
        options.useCache = useCache
        let configured = try applying(options.parameters)
        let signature = try await PipelineSignature.compute(for: configured)
        let layout = CacheLayout(cacheDirectory: cacheDirectory ?? self.cacheDirectory)
        let directory = layout.executionDirectory(pipelineName: name, signature: signature.signature)
        let summary = DurableExecutionStore.readSummary(directory)
        let resuming = useCache && summary != nil
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let header =
            "\(resuming ? "Resumed" : "New") run of '\(name)' (signature \(signature.signature)), "
            + "pid \(ProcessInfo.processInfo.processIdentifier), \(ISO8601DateFormatter().string(from: Date()))"
        let (logger, sink) = try PipelineLogFile.attach(to: options.logger, directory: directory, header: header)
        defer { sink.close() }
        options.logger = logger
        options.pipelineCacheDirectory = directory.deletingLastPathComponent().path
        if resuming {
            logger.info("Load pipeline from cache: \(directory.path)")
        } else {
            logger.info("New pipeline execution; cache directory: \(directory.path)")
        }
        // pipeline.yaml, checked on every run and written when it changed, while the steps run: a large inline
        // dataset takes a while to write, and the batches do not depend on the file.
        let yamlURL = directory.appendingPathComponent("pipeline.yaml")
        let yamlWrite = Task.detached {
            try PipelineYAML.write(configured, to: yamlURL, signature: signature.signature, registry: registry)
        }
        let store = DurableExecutionStore(directory: directory, commitInterval: commitInterval)
        if resuming,
            let output = try await configured.finishedOutput(
                store: store, signature: signature, directory: directory, options: options)
        {
            _ = try await yamlWrite.value
            logger.info("The pipeline already finished: returning its dataset from the cache, no step runs.")
            return output
        }
        let output: PipelineOutput
        do {
            output = try await configured.execute(signature: signature, store: store, options: options) { store in
                guard let store = store as? DurableExecutionStore else { return }
                let adopted = await store.adoptedSteps
                if !adopted.isEmpty {
                    logger.info("Reusing the cached batches of unchanged steps: \(adopted.joined(separator: ", "))")
                }
                let failed = await store.failedBatchCounts()
                if !failed.isEmpty {
                    let total = failed.values.reduce(0, +)
                    let steps = failed.keys.sorted().map { "\($0): \(failed[$0]!)" }.joined(separator: ", ")
                    logger.info("Retrying \(total) failed batches from the previous run (\(steps))")
                }
            }
            _ = try await yamlWrite.value
        } catch is CancellationError {
            _ = await yamlWrite.result
            logger.warning("The run was cancelled. What it finished is saved; run again to resume.")
            throw CancellationError()
        } catch {
            _ = await yamlWrite.result
            logger.error("The run stopped with an error: \(error). What it finished is saved; run again to resume.")
            throw error
        }
        let computed = output.progress.reduce(0) { $0 + $1.batchesComputed }
        let reused = output.progress.reduce(0) { $0 + $1.batchesReused }
        if output.isComplete {
            logger.info(
                "Finished: \(computed) batches computed, \(reused) reused, \(output.failedBatches) failed. Rows: \(output.leafRowCounts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))"
            )
        } else {
            logger.warning(
                "Stopped: \(computed) batches computed and saved in this run. Run the same pipeline again to resume from here (cache: \(directory.path))."
            )
        }
        return output
    }
}

extension Pipeline {
    /// The output of a finished execution read from its cache, or `nil` when something is left to do.
    fileprivate func finishedOutput(
        store: DurableExecutionStore, signature: PipelineSignature, directory: URL, options: RunOptions
    ) async throws -> PipelineOutput? {
        let keys = topologicalOrder.map { StepKey(name: $0, cacheKey: signature.stepKeys[$0]!) }
        let plan = ExecutionPlan(
            pipelineName: name, signature: signature.signature, steps: keys, leaves: leafNames, useCache: true,
            replayedSteps: replayedSteps)
        guard let counts = try await store.finishedLeafRowCounts(for: plan) else { return nil }
        var rows: [String: [Row]] = [:]
        if options.collectLeafRows {
            for leaf in leafNames {
                let leafRows = try LeafData.rows(executionDirectory: directory, leaf: leaf)
                rows[leaf] =
                    enableMetadata
                    ? leafRows
                    : leafRows.map { row in
                        var row = row
                        row.removeValue(forColumn: MetadataColumn.name)
                        return row
                    }
            }
        }
        let progress = nodes.map { node in
            var step = ExecutionProgress.StepProgress(name: node.name)
            step.finished = true
            return step
        }
        return PipelineOutput(
            signature: signature.signature, leafRows: rows, leafRowCounts: counts, isComplete: true, progress: progress)
    }
}
