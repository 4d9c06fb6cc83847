// A pipeline the recovery tests run as a real child process and kill at random moments.
//
// Usage: distilabel-test-pipeline CACHE_DIR ROWS
// Prints "DONE <signature> <rows>" when the run completes.
import Distilabel
import Foundation
import Logging

let arguments = CommandLine.arguments
guard arguments.count == 3, let total = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: distilabel-test-pipeline CACHE_DIR ROWS\n".utf8))
    exit(2)
}
let cacheDirectory = arguments[1]

let pipeline = try Pipeline(name: "recovery-test", cacheDirectory: cacheDirectory) { p in
    let numbers = GeneratorClosureStep(typeName: "Numbers", outputs: ["id", "text"]) { offset, size in
        let end = min(offset + size, total)
        return GeneratedBatch(
            rows: (offset..<end).map { ["id": .int(Int64($0)), "text": .string("row \($0) — é")] }, isLast: end >= total
        )
    }
    let work = ClosureStep(typeName: "Work", inputs: ["text"], outputs: ["length", "upper"]) { rows, _ in
        try await Task.sleep(for: .milliseconds(3))
        return rows.map { row in
            let text = row["text"]?.stringValue ?? ""
            return row.merging(["length": .int(Int64(text.count)), "upper": .string(text.uppercased())])
        }
    }
    let load = p.add(numbers, name: "numbers", batchSize: 10)
    let process = p.add(work, name: "work", inputBatchSize: 7, replicas: 2)
    let keep = p.add(KeepColumns(["id", "upper", "length"]), name: "keep", inputBatchSize: 5)
    load >>> process >>> keep
}

var logger = Logger(label: "recovery-test")
logger.logLevel = .warning
let output = try await pipeline.runWithCache(
    options: RunOptions(collectLeafRows: false, logger: logger), commitInterval: .milliseconds(20))
print("DONE \(output.signature) \(output.leafRowCounts["keep"] ?? -1)")
