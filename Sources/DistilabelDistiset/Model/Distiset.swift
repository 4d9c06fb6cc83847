public import DistilabelCore
public import Foundation

/// The dataset a pipeline produced: one configuration per leaf step, each with its splits of rows. The
/// counterpart of Python distilabel's `Distiset`.
///
/// Build one from a pipeline's cache with ``createDistiset(dataDirectory:pipelinePath:logFilenamePath:enableMetadata:)``
/// or ``fromExecution(directory:leaves:enableMetadata:)``, save it in the layout of a Hugging Face Hub dataset
/// repository with ``save(to:)``, and read a saved one back with ``load(from:)``:
///
/// ```swift
/// let distiset = try await pipeline.runDistiset()  // distilabel's `distiset = pipeline.run()`
/// try distiset.save(to: URL(fileURLWithPath: "my-dataset"))
/// // Python: datasets.load_dataset("my-dataset", "default")
/// ```
public struct Distiset: Sendable, Hashable {
    /// The configurations, in order.
    public var configurations: [DistisetConfiguration]
    /// The `pipeline.yaml` that produced the data, copied by ``save(to:)`` when set and present.
    public var pipelinePath: URL?
    /// The `pipeline.log` of the run, copied by ``save(to:)`` when set and present.
    public var logFilenamePath: URL?
    /// What the dataset card says about the pipeline. When `nil`, ``save(to:)`` reads it from ``pipelinePath``.
    public var pipelineSummary: PipelineSummary?

    /// A Distiset of `configurations`.
    public init(
        configurations: [DistisetConfiguration], pipelinePath: URL? = nil, logFilenamePath: URL? = nil,
        pipelineSummary: PipelineSummary? = nil
    ) {
        self.configurations = configurations
        self.pipelinePath = pipelinePath
        self.logFilenamePath = logFilenamePath
        self.pipelineSummary = pipelineSummary
    }

    /// The configuration names, in order.
    public var names: [String] { configurations.map(\.name) }

    /// The number of configurations.
    public var count: Int { configurations.count }

    /// Whether there are no configurations.
    public var isEmpty: Bool { configurations.isEmpty }

    /// The configuration named `name`, if any.
    public subscript(name: String) -> DistisetConfiguration? {
        configurations.first { $0.name == name }
    }

    /// The rows of split `split` of configuration `configuration`; empty when either is missing.
    public func rows(_ configuration: String = "default", split: String = "train") -> [Row] {
        self[configuration]?[split]?.rows ?? []
    }
}
