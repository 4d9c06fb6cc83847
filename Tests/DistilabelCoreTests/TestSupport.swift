import Distilabel
import DistilabelTesting
import Logging

/// Rows `{"id": i, "instruction": "task i"}` for i in 0..<count.
func numberedRows(_ count: Int) -> [Row] {
    (0..<count).map { ["id": .int(Int64($0)), "instruction": .string("task \($0)")] }
}

/// A step that appends `suffix` to `instruction` after a delay that varies by row, so replicas finish out of order.
func jitteryStep(_ suffix: String) -> ClosureStep {
    ClosureStep(
        typeName: "Jittery", inputs: ["instruction"], outputs: ["instruction"],
        configuration: ["suffix": .string(suffix)]
    ) {
        rows, _ in
        let first = rows.first?["id"]?.intValue ?? 0
        try await Task.sleep(for: .milliseconds(Int((first * 7919) % 13)))
        return rows.map { row in
            var row = row
            row["instruction"] = .string((row["instruction"]?.stringValue ?? "") + suffix)
            return row
        }
    }
}

let quietLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}()

let testContext = StepContext(stepName: "test_step", logger: quietLogger)
