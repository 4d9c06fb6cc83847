// The main job: load instructions from a JSON Lines file, answer each with the embedded SmolLM2 model, keep the
// useful columns, and save the dataset. Batches of 8 rows: the embedded model decodes the 8 answers together.
//
//   swift run -c release generate-responses [--mock] [--data FILE] [--output DIR]
//
// Every batch is saved in the pipeline's cache as it finishes: stop it with Ctrl+C and run the same command again
// to resume where it stopped. `--mock` answers with MockLLM instead of the model (no download needed).
import Distilabel
import DistilabelTesting
import Foundation
import Logging

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let useMock = arguments.contains("--mock")
let dataFile = option("--data") ?? "Examples/data/instructions.jsonl"
let outputDirectory = option("--output") ?? "Examples/output"

let llm: any LLM = useMock ? MockLLM() : LocalGGUFLLM()
let pipeline = try Pipeline(
    name: "generate-responses", description: "Answers every instruction of a JSON Lines file with a local model."
) { p in
    let load = p.add(LoadDataFromFileSystem(dataFiles: dataFile), name: "load_instructions", batchSize: 8)
    let generate = p.add(
        TextGeneration(
            llm: llm, systemPrompt: "You are a concise, helpful assistant.",
            generationKwargs: ["max_new_tokens": 96, "temperature": 0.0]),
        name: "generate_response", inputBatchSize: 8)
    let keep = p.add(KeepColumns(["id", "instruction", "generation", "model_name"]), name: "keep_columns")
    load >>> generate >>> keep
}

LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = .info
    return handler
}
let logger = Logger(label: "generate-responses")
let progress = ExecutionProgress(steps: pipeline.topologicalOrder)
let reporter = Task {
    while !Task.isCancelled {
        try await Task.sleep(for: .seconds(5))
        if let step = progress.snapshot.first(where: { $0.name == "generate_response" }) {
            logger.info("generate_response: \(step.rows)/\(step.expectedRows.map(String.init) ?? "?") rows")
        }
    }
}
do {
    let (distiset, stoppedBy) = try await GracefulStop.run(logger: logger) { stop in
        try await pipeline.runDistiset(options: RunOptions(stop: stop, progress: progress, logger: logger))
    }
    reporter.cancel()
    if let stoppedBy {
        print("Stopped. Run the same command again to resume where it stopped.")
        exit(stoppedBy.exitStatus)
    }
    let rows = distiset.rows()
    for row in rows {
        print("[\(row["id"] ?? .null)] \(row["instruction"]?.stringValue ?? "")")
        print("    → \(row["generation"]?.stringValue ?? "(no answer)")")
    }
    try distiset.save(to: URL(fileURLWithPath: outputDirectory))
    print("\(rows.count) rows. Dataset saved to \(outputDirectory) (Hugging Face Hub layout).")
    print("Cache: \(try await pipeline.executionDirectory().path)")
} catch let stopped as RunStopped {
    FileHandle.standardError.write(Data("\(stopped)\n".utf8))
    exit(stopped.reason.exitStatus)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
