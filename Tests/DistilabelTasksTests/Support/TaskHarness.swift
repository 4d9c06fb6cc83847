import Distilabel
import DistilabelTesting
import Logging

let quietLogger: Logger = {
    var logger = Logger(label: "tasks-test")
    logger.logLevel = .critical
    return logger
}()

/// Loads `task` as step `step`, processes `rows` as one batch and unloads it.
func run<T: LLMTask>(_ task: T, _ rows: [Row], step: String = "task") async throws -> [Row] {
    var task = task
    let context = StepContext(stepName: step, logger: quietLogger)
    try await task.load(context: context)
    let output = try await task.process([rows], context: context)
    await task.unload()
    return output
}

/// A mock that answers every conversation with `text`, logging what it was asked.
func scripted(_ text: String, model: String = "mock-model", log: MockLLM.RequestLog = MockLLM.RequestLog()) -> MockLLM {
    MockLLM(modelName: model, log: log, reply: { _, _ in text })
}

extension Row {
    /// The `distilabel_metadata` field `key` for step `step` (`raw_output_task`, …).
    func metadata(_ key: String, step: String = "task") -> Value? {
        self["distilabel_metadata"]?.structValue?["\(key)_\(step)"]
    }

    /// The messages of `raw_input_<step>` as (role, content) pairs.
    func rawInput(step: String = "task") -> [ChatMessage] {
        (metadata("raw_input", step: step)?.listValue ?? []).compactMap { message in
            guard let role = message.structValue?["role"]?.stringValue,
                let content = message.structValue?["content"]?.stringValue
            else { return nil }
            return ChatMessage(role: role, content: content)
        }
    }
}
