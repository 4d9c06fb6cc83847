import Distilabel
import DistilabelTesting
import Foundation
import LLMClients
import Logging
import Testing

/// `OpenAILLM` in real pipelines against llmock: the durable request-level response cache means a request answered
/// once is never sent again, whatever else changed, and the API key reaches no file of the cache.
@Suite(.serialized, .enabled(if: LLMockServer.shouldRun, LLMockServer.skipMessage))
struct PipelineResponseCacheTests {
    private let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    private func pipeline(server: LLMockServer, cache: URL, batchSize: Int, keep: [String]) throws -> Pipeline {
        try Pipeline(name: "llmock-answers", cacheDirectory: cache.path) { p in
            let rows: [Row] = (0..<6).map { ["instruction": .string("Question \($0)?")] }
            let load = p.add(LoadDataFromDicts(rows: rows), name: "load", batchSize: batchSize)
            let llm = OpenAILLM(
                model: "gpt-4o-mini", baseURL: server.openAIBaseURL, apiKeyEnvironmentVariable: "LLMOCK_PIPELINE_KEY")
            let generate = p.add(TextGeneration(llm: llm), name: "generate", inputBatchSize: 2)
            let columns = p.add(KeepColumns(keep), name: "keep")
            load >>> generate >>> columns
        }
    }

    @Test func answeredRequestsAreNotSentAgainAfterAnyChange() async throws {
        setenv("LLMOCK_PIPELINE_KEY", "sk-secret-pipeline-key", 1)
        try await LLMockServer.with { server in
            try await withTemporaryDirectory { cache in
                let first = try await pipeline(
                    server: server, cache: cache, batchSize: 3, keep: ["instruction", "generation"]
                )
                .runWithCache(options: RunOptions(logger: logger))
                #expect(first.rows.count == 6)
                #expect(first.rows.allSatisfy { !($0["generation"]?.stringValue ?? "").isEmpty })
                #expect(try await server.requests().count == 6)

                // A different batch size and a different downstream step: a new signature, nothing reusable at
                // batch level for the LLM step, but every request on the wire is the same: zero new requests.
                let second = try await pipeline(
                    server: server, cache: cache, batchSize: 2, keep: ["instruction", "generation", "model_name"]
                ).runWithCache(options: RunOptions(logger: logger))
                #expect(second.signature != first.signature)
                #expect(second.rows.map { $0["generation"] } == first.rows.map { $0["generation"] })
                #expect(try await server.requests().count == 6)

                // --ignore-cache sends them again.
                _ = try await pipeline(server: server, cache: cache, batchSize: 2, keep: ["instruction", "generation"])
                    .runWithCache(useCache: false, options: RunOptions(logger: logger))
                #expect(try await server.requests().count == 12)

                // The key is in no file of the cache.
                let files = FileManager.default.enumerator(atPath: cache.path)?.compactMap { $0 as? String } ?? []
                #expect(!files.isEmpty)
                for file in files {
                    let data = FileManager.default.contents(atPath: cache.appendingPathComponent(file).path) ?? Data()
                    #expect(!String(decoding: data, as: UTF8.self).contains("sk-secret-pipeline-key"), "\(file)")
                }
            }
        }
    }
}
