// A pipeline the recovery tests run as a real child process and kill at random moments.
//
// Usage: distilabel-test-pipeline CACHE_DIR ROWS
// Prints "DONE <signature> <rows>" when the run completes; Ctrl+C / SIGTERM stop it gracefully (exit 130 / 143).
// DELAY_MS sets the work step's time per batch (default 3). GENERATOR=inline gives the same rows from a
// LoadDataFromDicts (which saves only its batches' records and replays them) instead of a generator whose rows are
// saved; GENERATOR=file from a LoadDataFromFileSystem (which replays them too) over a JSON Lines file written once
// beside CACHE_DIR. With LLM_BASE_URL set (an OpenAI-compatible server), the
// work step is a TextGeneration whose OpenAILLM asks that server about each row instead (API key in LLM_API_KEY).
import Distilabel
import Foundation
import Logging

let arguments = CommandLine.arguments
guard arguments.count == 3, let total = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: distilabel-test-pipeline CACHE_DIR ROWS\n".utf8))
    exit(2)
}
let cacheDirectory = arguments[1]
let delay = Int(ProcessInfo.processInfo.environment["DELAY_MS"] ?? "") ?? 3
let llmBaseURL = ProcessInfo.processInfo.environment["LLM_BASE_URL"]
let generatorKind = ProcessInfo.processInfo.environment["GENERATOR"] ?? "closure"
let row: @Sendable (Int) -> Row = { ["id": .int(Int64($0)), "text": .string("row \($0) — é")] }

/// The rows as JSON Lines beside the cache directory, written once (to a temporary file, then renamed), so that
/// every launch, killed or not, reads the same file.
func inputFile() throws -> String {
    let url = URL(fileURLWithPath: cacheDirectory).deletingLastPathComponent()
        .appendingPathComponent("recovery-input-\(total).jsonl")
    guard !FileManager.default.fileExists(atPath: url.path) else { return url.path }
    var text = ""
    for index in 0..<total { text += Value.struct(row(index)).jsonString() + "\n" }
    let temporary = url.appendingPathExtension("\(getpid()).tmp")
    try Data(text.utf8).write(to: temporary)
    _ = rename(temporary.path, url.path)
    return url.path
}

let pipeline = try Pipeline(name: "recovery-test", cacheDirectory: cacheDirectory) { p in
    let numbers: any Step
    switch generatorKind {
    case "file": numbers = LoadDataFromFileSystem(dataFiles: try inputFile())
    case "inline": numbers = LoadDataFromDicts(rows: (0..<total).lazy.map(row))
    default:
        numbers = GeneratorClosureStep(
            typeName: "Numbers", outputs: ["id", "text"], configuration: ["rows": .int(Int64(total))]
        ) { offset, size in
            let end = min(offset + size, total)
            return GeneratedBatch(rows: (offset..<end).map(row), isLast: end >= total)
        }
    }
    let work = ClosureStep(typeName: "Work", inputs: ["text"], outputs: ["length", "upper"]) { rows, _ in
        try await Task.sleep(for: .milliseconds(delay))
        return rows.map { row in
            let text = row["text"]?.stringValue ?? ""
            return row.merging(["length": .int(Int64(text.count)), "upper": .string(text.uppercased())])
        }
    }
    let load = p.add(numbers, name: "numbers", batchSize: 10)
    if let llmBaseURL {
        let llm = OpenAILLM(model: "gpt-4o-mini", baseURL: llmBaseURL, apiKeyEnvironmentVariable: "LLM_API_KEY")
        let ask = p.add(
            TextGeneration(llm: llm, template: "Say something about {{ text }}"), name: "ask", inputBatchSize: 5,
            replicas: 2)
        let keep = p.add(KeepColumns(["id", "text", "generation"]), name: "keep", inputBatchSize: 5)
        load >>> ask >>> keep
    } else {
        let process = p.add(work, name: "work", inputBatchSize: 7, replicas: 2)
        let keep = p.add(KeepColumns(["id", "upper", "length"]), name: "keep", inputBatchSize: 5)
        load >>> process >>> keep
    }
}

var logger = Logger(label: "recovery-test")
logger.logLevel = .warning
do {
    let (output, stoppedBy) = try await GracefulStop.run(logger: logger) { stop in
        try await pipeline.runWithCache(
            options: RunOptions(collectLeafRows: false, stop: stop, logger: logger), commitInterval: .milliseconds(20))
    }
    if let stoppedBy {
        print("STOPPED \(output.signature)")
        exit(stoppedBy.exitStatus)
    }
    print("DONE \(output.signature) \(output.leafRowCounts["keep"] ?? -1)")
} catch let stopped as RunStopped {
    FileHandle.standardError.write(Data("\(stopped)\n".utf8))
    exit(stopped.reason.exitStatus)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
