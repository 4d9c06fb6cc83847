import Distilabel
import Foundation
import LLMClients
import Logging

/// One measured run of `LoadDataFromDicts >> TextGeneration(OpenAILLM)` with the durable cache.
struct SwiftClientRun {
    var baseURL: String
    var rows: Int
    var concurrency: Int
    var replicas: Int

    /// Rows per input batch (`nil`: `concurrency`).
    var batch: Int?
    /// `durable`: the durable cache (batches and LLM answers); `responses`: batches in memory, LLM answers in the
    /// durable response cache; `memory`: everything in memory (no response cache).
    var store = "durable"

    /// Each replica takes batches of `concurrency` rows by default: the LLM's in-flight limit (shared by the
    /// replicas) caps the requests at `concurrency`, and while one replica's batch waits for its slowest answers the
    /// other replica's requests take the free permits, so the limit stays saturated.
    var inputBatchSize: Int { max(1, batch ?? concurrency) }

    /// Runs the pipeline; returns wall seconds, CPU seconds of this process during the run and rows generated.
    func run() async throws -> (wall: Double, cpu: Double, generated: Int) {
        setenv("OPENAI_API_KEY", "dummy", 0)
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("llm-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let data: [Row] = (0..<rows).map { ["instruction": .string("Question \($0): answer in one sentence.")] }
        let llm = OpenAILLM(
            model: "bench", baseURL: baseURL, limits: ClientLimits(maxConcurrentRequests: concurrency))
        let batch = inputBatchSize
        let replicas = replicas
        let pipeline = try Pipeline(name: "llm-bench-\(concurrency)", cacheDirectory: cache.path) { p in
            let load = p.add(LoadDataFromDicts(rows: data), name: "load", batchSize: batch)
            let generate = p.add(
                TextGeneration(llm: llm), name: "generate", inputBatchSize: batch, replicas: replicas)
            load >>> generate
        }
        var logger = Logger(label: "llm-bench")
        logger.logLevel = .error
        let cpuBefore = processCPUSeconds()
        let start = ContinuousClock.now
        var options = RunOptions(collectLeafRows: false, logger: logger)
        let output: PipelineOutput
        switch store {
        case "memory":
            output = try await pipeline.run(options: options)
        case "responses":
            options.pipelineCacheDirectory = cache.path
            output = try await pipeline.run(options: options)
        default:
            output = try await pipeline.runWithCache(options: options)
        }
        let wall = (ContinuousClock.now - start) / .seconds(1)
        return (wall, processCPUSeconds() - cpuBefore, output.leafRowCounts["generate"] ?? 0)
    }
}
