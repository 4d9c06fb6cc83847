// The main job: load instructions from a JSON Lines file, generate a response for each, keep the useful columns.
//
// Until the embedded GGUF model lands, responses come from `MockLLM` (deterministic, derived from the prompt).
import Distilabel
import DistilabelTesting
import Foundation
import Logging

let dataFile = CommandLine.arguments.dropFirst().first ?? "Examples/data/instructions.jsonl"

let pipeline = try Pipeline(name: "generate-responses", description: "Answers every instruction of a JSONL file.") {
    p in
    let load = p.add(LoadDataFromFileSystem(dataFiles: dataFile), name: "load_instructions", batchSize: 5)
    let generate = p.add(
        TextGeneration(llm: MockLLM(), systemPrompt: "You are a concise, helpful assistant."),
        name: "generate_response", inputBatchSize: 5, replicas: 2)
    let keep = p.add(KeepColumns(["id", "instruction", "generation", "model_name"]), name: "keep_columns")
    load >>> generate >>> keep
}

var logger = Logger(label: "generate-responses")
logger.logLevel = .info
let output = try await pipeline.run(options: RunOptions(logger: logger))
for row in output.rows {
    print(row)
}
print("\(output.rows.count) rows; pipeline signature \(output.signature)")
