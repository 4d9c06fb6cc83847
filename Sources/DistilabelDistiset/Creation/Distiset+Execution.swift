public import DistilabelCore
public import Foundation

extension Distiset {
    /// The Distiset of a finished (or stopped) execution in our cache: `directory` is
    /// `<cache>/<pipeline name>/<signature>/` (see `CacheLayout.executionDirectory(pipelineName:signature:)`),
    /// whose `data/<leaf>/` folders hold the leaf steps' rows.
    ///
    /// `leaves` chooses the configurations and their order (a pipeline's `leafNames`); by default every leaf folder,
    /// sorted. A leaf with no rows gives no configuration; a lone configuration is named `default`. The execution's
    /// `pipeline.yaml` and `pipeline.log` are attached when present, and `pipeline`, when given, supplies the
    /// dataset card's summary.
    public static func fromExecution(
        directory: URL, leaves: [String]? = nil, enableMetadata: Bool = false, pipeline: Pipeline? = nil
    ) throws -> Distiset {
        let layout = try DataFolderLayout(dataDirectory: directory.appendingPathComponent("data", isDirectory: true))
        var configurations: [DistisetConfiguration] = []
        for leaf in try leaves ?? layout.leafNames() {
            let files = try layout.parquetFiles(leaf: leaf)
            guard !files.isEmpty else { continue }
            let rows = try DataFolderLayout.readRows(files, dropMetadata: !enableMetadata)
            configurations.append(DistisetConfiguration(name: leaf, rows: rows))
        }
        if configurations.count == 1 { configurations[0].name = "default" }
        return Distiset(
            configurations: configurations,
            pipelinePath: layout.sideFile(DistisetFileNames.pipelineConfig),
            logFilenamePath: layout.sideFile(DistisetFileNames.pipelineLog),
            pipelineSummary: pipeline.map(PipelineSummary.init(pipeline:)))
    }

    /// The Distiset of a run's collected rows (`PipelineOutput.leafRows`): one `train` configuration per leaf, in
    /// `pipeline`'s leaf order when given (else sorted by name), a lone one named `default`.
    ///
    /// Empty when the run did not collect rows; use ``fromExecution(directory:leaves:enableMetadata:pipeline:)``
    /// to read them from the cache instead.
    public init(output: PipelineOutput, pipeline: Pipeline? = nil, enableMetadata: Bool = false) {
        let order = pipeline?.leafNames.filter { output.leafRows[$0] != nil } ?? output.leafRows.keys.sorted()
        var configurations: [DistisetConfiguration] = []
        for leaf in order {
            guard var rows = output.leafRows[leaf], !rows.isEmpty else { continue }
            if !enableMetadata {
                for index in rows.indices { rows[index].removeValue(forColumn: DistisetFileNames.metadataColumn) }
            }
            configurations.append(DistisetConfiguration(name: leaf, rows: rows))
        }
        if configurations.count == 1 { configurations[0].name = "default" }
        self.init(configurations: configurations, pipelineSummary: pipeline.map(PipelineSummary.init(pipeline:)))
    }
}
