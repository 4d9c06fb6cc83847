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
    /// old one, then the directory `fsync`ed: a crash leaves the old file or the new one, never half of one). Call
    /// it with the execution directory's `pipeline.yaml` on every run.
    ///
    /// Inline datasets are streamed to the file a megabyte at a time, never held in memory as text or values.
    public static func write(_ pipeline: Pipeline, to url: URL, registry: StepRegistry = .builtIn) throws {
        let (document, deferredRows) = PipelineYAMLWriter(registry: registry).document(pipeline)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let file = try AtomicFile(url: url)
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
