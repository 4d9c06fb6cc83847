public import Foundation

/// Builds a ``Distiset`` from a pipeline's data folder, as Python distilabel's `create_distiset`: one configuration
/// per leaf step, named after it (a lone configuration is named `default`), each with a `train` split.
///
/// `dataDirectory` is the `data` folder of a pipeline execution. Three layouts are read:
/// - ours and Python distilabel 1.0–1.3: `data/<leaf>/00001.parquet, …`;
/// - Python distilabel 1.4–1.5: `data/steps_outputs/<leaf>/00001.parquet, …`;
/// - the execution folder itself (the one holding `data/`) is accepted too.
///
/// Files are read in numeric order (generator order). A leaf folder without Parquet files gives no configuration,
/// as in Python. `pipelinePath` and `logFilenamePath` default to `pipeline.yaml` and `pipeline.log` beside the data
/// folder (or inside it) when they exist; when they don't, they stay `nil` and no error is raised. The
/// `distilabel_metadata` column is dropped unless `enableMetadata` is set.
public func createDistiset(
    dataDirectory: URL, pipelinePath: URL? = nil, logFilenamePath: URL? = nil, enableMetadata: Bool = false
) throws -> Distiset {
    let layout = try DataFolderLayout(dataDirectory: dataDirectory)
    var configurations: [DistisetConfiguration] = []
    for leaf in try layout.leafNames() {
        let files = try layout.parquetFiles(leaf: leaf)
        guard !files.isEmpty else { continue }
        let rows = try DataFolderLayout.readRows(files, dropMetadata: !enableMetadata)
        configurations.append(DistisetConfiguration(name: leaf, rows: rows))
    }
    if configurations.count == 1 { configurations[0].name = "default" }
    return Distiset(
        configurations: configurations,
        pipelinePath: pipelinePath ?? layout.sideFile(DistisetFileNames.pipelineConfig),
        logFilenamePath: logFilenamePath ?? layout.sideFile(DistisetFileNames.pipelineLog))
}

/// The names of the files a Distiset carries beside its data.
enum DistisetFileNames {
    static let pipelineConfig = "pipeline.yaml"
    static let pipelineLog = "pipeline.log"
    static let card = "README.md"
    static let metadataColumn = "distilabel_metadata"
}
