public import Foundation

extension Distiset {
    /// Reads a Distiset saved by ``save(to:)`` (or a Hugging Face Hub dataset folder with Parquet files).
    ///
    /// Configurations and their splits come from the `configs` of the `README.md` front matter, whose `data_files`
    /// paths may use `*` wildcards; without a card, every folder holding `<split>-*.parquet` files is a
    /// configuration (sorted by name, `default` first). `pipeline.yaml` and `pipeline.log` are attached when
    /// present, and the card's pipeline summary is read from `pipeline.yaml`.
    public static func load(from directory: URL) throws -> Distiset {
        guard DataFolderLayout.isDirectory(directory) else {
            throw DistisetError.missingDataDirectory(path: directory.path)
        }
        let entries = try cardEntries(directory) ?? folderEntries(directory)
        var configurations: [DistisetConfiguration] = []
        for entry in entries {
            var splits: [DistisetSplit] = []
            for (split, pattern) in entry.dataFiles {
                let files = try matchingFiles(pattern, in: directory)
                let rows = try DataFolderLayout.readRows(files, dropMetadata: false)
                if let index = splits.firstIndex(where: { $0.name == split }) {
                    splits[index].rows += rows
                } else {
                    splits.append(DistisetSplit(name: split, rows: rows))
                }
            }
            configurations.append(DistisetConfiguration(name: entry.name, splits: splits))
        }
        guard !configurations.isEmpty else { throw DistisetError.notADistiset(path: directory.path) }
        let manager = FileManager.default
        let pipelinePath = directory.appendingPathComponent(DistisetFileNames.pipelineConfig)
        let logPath = directory.appendingPathComponent(DistisetFileNames.pipelineLog)
        let hasPipeline = manager.fileExists(atPath: pipelinePath.path)
        return Distiset(
            configurations: configurations, pipelinePath: hasPipeline ? pipelinePath : nil,
            logFilenamePath: manager.fileExists(atPath: logPath.path) ? logPath : nil,
            pipelineSummary: hasPipeline ? PipelineSummary(contentsOf: pipelinePath) : nil)
    }

    private struct ConfigurationEntry {
        var name: String
        /// `(split, path pattern relative to the dataset folder)` pairs in order.
        var dataFiles: [(String, String)]
    }

    /// The `configs` of the card's front matter; `nil` when there is no card or it lists none.
    private static func cardEntries(_ directory: URL) throws -> [ConfigurationEntry]? {
        let card = directory.appendingPathComponent(DistisetFileNames.card)
        guard let data = FileManager.default.contents(atPath: card.path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix("---") else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        let front = lines.prefix { $0.trimmingCharacters(in: .whitespaces) != "---" }.joined(separator: "\n")
        var entries: [ConfigurationEntry] = []
        for config in YAMLOutline(parsing: front)["configs"]?.items ?? [] {
            guard let name = config["config_name"]?.text else { continue }
            var dataFiles: [(String, String)] = []
            if let single = config["data_files"]?.text {
                dataFiles.append(("train", single))
            }
            for item in config["data_files"]?.items ?? [] {
                let split = item["split"]?.text ?? "train"
                if let path = item["path"]?.text {
                    dataFiles.append((split, path))
                } else {
                    for path in item["path"]?.items ?? [] {
                        if let path = path.text { dataFiles.append((split, path)) }
                    }
                }
            }
            entries.append(ConfigurationEntry(name: name, dataFiles: dataFiles))
        }
        return entries.isEmpty ? nil : entries
    }

    /// Every folder with Parquet files, one split per file-name prefix (`train-00000-of-00001.parquet`: `train`).
    private static func folderEntries(_ directory: URL) throws -> [ConfigurationEntry] {
        let manager = FileManager.default
        var entries: [ConfigurationEntry] = []
        let names = try manager.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }
        for name in names.sorted(by: { ($0 == "default" ? 0 : 1, $0) < ($1 == "default" ? 0 : 1, $1) }) {
            let folder = directory.appendingPathComponent(name, isDirectory: true)
            guard DataFolderLayout.isDirectory(folder) else { continue }
            var splits: [String] = []
            for file in try DataFolderLayout.parquetFiles(in: folder) {
                let stem = file.deletingPathExtension().lastPathComponent
                let split = String(stem.prefix { $0 != "-" })
                if !splits.contains(split) { splits.append(split) }
            }
            guard !splits.isEmpty else { continue }
            let order = ["train", "validation", "test"]
            splits.sort { (order.firstIndex(of: $0) ?? 3, $0) < (order.firstIndex(of: $1) ?? 3, $1) }
            entries.append(ConfigurationEntry(name: name, dataFiles: splits.map { ($0, "\(name)/\($0)-*") }))
        }
        return entries
    }

    /// The Parquet files whose path relative to `directory` matches `pattern` (`*` matches within one name).
    private static func matchingFiles(_ pattern: String, in directory: URL) throws -> [URL] {
        var components = pattern.split(separator: "/").map(String.init)
        guard let filePattern = components.popLast() else { return [] }
        var folder = directory
        for component in components { folder.appendPathComponent(component, isDirectory: true) }
        return try DataFolderLayout.parquetFiles(in: folder).filter {
            Wildcard.matches(filePattern, $0.lastPathComponent)
                || Wildcard.matches(filePattern + ".parquet", $0.lastPathComponent)
        }
    }
}

/// `*` and `?` file-name patterns.
enum Wildcard {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        matches(Array(pattern.unicodeScalars)[...], Array(name.unicodeScalars)[...])
    }

    private static func matches(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        if first == "*" {
            var rest = name
            while true {
                if matches(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let character = name.first, first == "?" || first == character else { return false }
        return matches(pattern.dropFirst(), name.dropFirst())
    }
}
