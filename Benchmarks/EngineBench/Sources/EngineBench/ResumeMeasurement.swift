import Foundation

/// Starts a cached run of `rows` rows in a child process, kills it with SIGKILL once about half of the leaf's
/// batches are committed, then times the run that resumes it. Returns the resume's seconds and the share of the
/// leaf's rows the killed run had saved.
func measureResume(rows: Int, batch: Int, cacheDirectory: String) throws -> (seconds: Double, savedShare: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["one", String(rows), String(batch), "cache", cacheDirectory]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let batches = (rows + batch - 1) / batch
    var saved = 0
    while process.isRunning {
        saved = committedLeafBatches(under: cacheDirectory)
        if saved >= batches / 2 {
            kill(process.processIdentifier, SIGKILL)
            break
        }
        usleep(2_000)
    }
    process.waitUntilExit()
    saved = committedLeafBatches(under: cacheDirectory)
    let output = try child(["one", String(rows), String(batch), "cache", cacheDirectory])
    guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("RESULT") }),
        let seconds = Double(line.split(separator: " ")[4])
    else { throw CocoaError(.fileReadCorruptFile) }
    return (seconds, Double(saved) / Double(batches))
}

/// The journal lines of the leaf step `keep` under `directory` (one per committed batch).
private func committedLeafBatches(under directory: String) -> Int {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return 0 }
    var count = 0
    while let path = enumerator.nextObject() as? String {
        guard path.hasSuffix("batch_manager_steps/keep.jsonl") else { continue }
        count += FileManager.default.contents(atPath: directory + "/" + path)?.filter { $0 == 0x0A }.count ?? 0
    }
    return count
}
