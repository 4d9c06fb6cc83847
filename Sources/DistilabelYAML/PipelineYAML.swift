public import DistilabelCore
public import Foundation

/// Reads and writes `pipeline.yaml`: distilabel 1.5's description of a pipeline (steps with their parameters,
/// connections, routing), from which the pipeline can be rebuilt and run again.
///
/// Secrets are never written: only each step's and LLM's ``Step/configuration``, which by contract holds none.
public enum PipelineYAML {
    /// The distilabel version whose schema the files follow.
    public static let schemaVersion = "1.5.3"

    /// The YAML text describing `pipeline`. `registry` gives each type's `type_info.module`.
    public static func string(for pipeline: Pipeline, registry: StepRegistry = .builtIn) throws -> String {
        do {
            return try PipelineYAMLWriter(registry: registry).text(pipeline)
        } catch let error as PipelineYAMLError {
            throw error
        } catch {
            throw PipelineYAMLError.io(file: "pipeline.yaml", reason: "cannot serialize the pipeline: \(error)")
        }
    }

    /// Writes `pipeline`'s description to `url` durably and atomically (a temporary file, `fsync`, renamed over the
    /// old one, then the directory `fsync`ed: a crash leaves the old file or the new one, never half of one).
    ///
    /// Inline datasets are streamed to the file a megabyte at a time, never held in memory as text or values.
    public static func write(_ pipeline: Pipeline, to url: URL, registry: StepRegistry = .builtIn) throws {
        try write(pipeline, to: url, registry: registry, firstLine: nil)
    }

    /// Writes `pipeline`'s description to the execution directory's `url`, unless the file there already describes
    /// it; returns whether it wrote. Call it on every run with the pipeline's signature.
    ///
    /// The file's first line is a comment holding a key: the SHA-1 of the signature and of the description with its
    /// inline datasets left empty (the signature covers their contents). A run whose key matches the file's skips
    /// the write, and the inline dataset's rows are not emitted again: a resumed or finished run of a pipeline with a
    /// million inline rows does not rewrite, identical, a file of tens of megabytes. A run that changes anything the
    /// file shows and the signature does not (a replica count, an LLM's module) writes it anew. A file without the
    /// line, or with another key, is replaced.
    @discardableResult
    public static func write(
        _ pipeline: Pipeline, to url: URL, signature: String, registry: StepRegistry = .builtIn
    ) throws -> Bool {
        let writer = PipelineYAMLWriter(registry: registry)
        let (document, deferredRows) = writer.document(pipeline)
        var hasher = SHA1()
        hasher.update("pipeline-yaml-key-v1|\(signature)|")
        hasher.update(YAMLEmitter.bytes(document, deferredRows: deferredRows.mapValues { _ in InlineRows([]) }))
        let firstLine = keyLinePrefix + hasher.hexDigest()
        if existingFirstLine(of: url, length: firstLine.utf8.count) == firstLine { return false }
        try write(pipeline, to: url, registry: registry, firstLine: firstLine)
        return true
    }

    /// The comment that starts a file written with a key.
    static let keyLinePrefix = "# swift-distilabel description key: "

    private static func write(
        _ pipeline: Pipeline, to url: URL, registry: StepRegistry, firstLine: String?
    ) throws {
        let (document, deferredRows) = PipelineYAMLWriter(registry: registry).document(pipeline)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let file = try AtomicFile(url: url)
            if let firstLine { file.append(Array((firstLine + "\n").utf8)) }
            var emitter = YAMLEmitter()
            emitter.deferredRows = deferredRows
            emitter.flush = { file.append($0) }
            emitter.emit(document)
            file.append(emitter.bytes)
            try file.commit()
        } catch {
            throw PipelineYAMLError.io(file: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// The first `length` bytes of the file at `url`, when it has that many and they are text; `nil` otherwise.
    private static func existingFirstLine(of url: URL, length: Int) -> String? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        guard let bytes = try? handle.read(upToCount: length), bytes.count == length else { return nil }
        // The key line must end there: the next byte is its line feed.
        guard let next = try? handle.read(upToCount: 1), next.first == UInt8(ascii: "\n") else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Rebuilds a pipeline from YAML text. `file` names the source in errors.
    public static func pipeline(
        fromYAML text: String, file: String = "pipeline.yaml", registry: StepRegistry = .builtIn
    ) throws -> Pipeline {
        try PipelineYAMLReader(file: file, registry: registry).read(text)
    }

    /// Rebuilds a pipeline from the file at `url`.
    public static func read(from url: URL, registry: StepRegistry = .builtIn) throws -> Pipeline {
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw PipelineYAMLError.io(file: url.path, reason: "cannot read the file (does it exist?)")
        }
        return try pipeline(fromYAML: String(decoding: bytes, as: UTF8.self), file: url.path, registry: registry)
    }
}
