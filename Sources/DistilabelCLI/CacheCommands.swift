import ArgumentParser
import Distilabel
import Foundation

/// `distilabel cache list [--cache-dir DIR]`.
struct CacheListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List cached pipeline executions with their state, size and last run.")

    @Option(name: .long, help: ArgumentHelp("The cache directory.", valueName: "dir"))
    var cacheDir: String?

    func run() async throws {
        let root = CacheLayout(cacheDirectory: cacheDir).root
        let entries = CacheInventory(root: root).entries()
        guard !entries.isEmpty else {
            print("No cached pipelines in \(root.path).")
            return
        }
        let formatter = ISO8601DateFormatter()
        for entry in entries {
            print("\(entry.name)  \(entry.signature)")
            print("    state: \(entry.state)")
            print("    size: \(CacheInventory.formatSize(entry.bytes))")
            print("    last run: \(entry.lastRun.map { formatter.string(from: $0) } ?? "unknown")")
        }
        print("Cache: \(root.path)")
    }
}

/// `distilabel cache clean NAME [--signature SIG] [--cache-dir DIR]`.
struct CacheCleanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean", abstract: "Remove a cached pipeline (every signature, or one).")

    @Argument(help: ArgumentHelp("The pipeline's name.", valueName: "name"))
    var name: String

    @Option(name: .long, help: ArgumentHelp("Remove only this execution.", valueName: "sig"))
    var signature: String?

    @Option(name: .long, help: ArgumentHelp("The cache directory.", valueName: "dir"))
    var cacheDir: String?

    func validate() throws {
        for part in [name] + (signature.map { [$0] } ?? []) where part.contains("/") || part == ".." || part == "." {
            throw ValidationError("'\(part)' is not a pipeline name or signature")
        }
    }

    func run() async throws {
        let root = CacheLayout(cacheDirectory: cacheDir).root
        var target = root.appendingPathComponent(name, isDirectory: true)
        if let signature { target = target.appendingPathComponent(signature, isDirectory: true) }
        guard FileManager.default.fileExists(atPath: target.path) else {
            throw CLIError.noSuchCachedPipeline(name: name, signature: signature, cacheDirectory: root.path)
        }
        try FileManager.default.removeItem(at: target)
        print("Removed \(target.path)")
    }
}
