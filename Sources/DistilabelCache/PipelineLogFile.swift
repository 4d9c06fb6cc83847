import Foundation
public import Logging
import Synchronization

/// A log handler that appends to an execution's `pipeline.log`, so that the log of every run of a pipeline, resumed
/// runs included, stays beside its cache.
public struct PipelineLogFile: LogHandler {
    /// The open file, shared by every copy of the handler.
    final class Sink: Sendable {
        private let handle: Mutex<FileHandle?>

        init(url: URL) throws {
            if !FileManager.default.fileExists(atPath: url.path) {
                // A failure here shows as the FileHandle error below, which names the file.
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            self.handle = Mutex(handle)
        }

        func write(_ line: String) {
            handle.withLock { handle in
                try? handle?.write(contentsOf: Data(line.utf8))
            }
        }

        func close() {
            handle.withLock { handle in
                try? handle?.close()
                handle = nil
            }
        }
    }

    let sink: Sink
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String

    init(sink: Sink, label: String) {
        self.sink = sink
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let step = merged.removeValue(forKey: "step").map { "[\($0)] " } ?? ""
        let rest =
            merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        let timestamp = ISO8601DateFormatter().string(from: Date())
        sink.write("\(timestamp) \(event.level.rawValue.uppercased()) \(step)\(event.message)\(rest)\n")
    }

    /// A logger that writes to `pipeline.log` in `directory` as well as to `logger`'s own handler, and the sink
    /// to close when the run ends. Each run starts with a header line.
    static func attach(to logger: Logger, directory: URL, header: String) throws -> (Logger, Sink) {
        let sink = try Sink(url: directory.appendingPathComponent("pipeline.log"))
        sink.write("\n===== \(header) =====\n")
        var fileHandler = PipelineLogFile(sink: sink, label: logger.label)
        fileHandler.logLevel = min(logger.logLevel, .info)
        let existing = logger.handler
        // The multiplexer's level is the lowest of its handlers'; each handler keeps its own.
        let combined = Logger(label: logger.label) { _ in MultiplexLogHandler([existing, fileHandler]) }
        return (combined, sink)
    }
}
