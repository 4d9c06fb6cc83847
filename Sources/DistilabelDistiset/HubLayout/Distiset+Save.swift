import DistilabelCache
import DistilabelCore
import DistilabelDataFiles
public import Foundation
import Parquet

extension Distiset {
    /// Saves the Distiset in the layout of a Hugging Face Hub dataset repository, so that
    /// `datasets.load_dataset(directory, configuration)` loads it with the right features and the folder can be
    /// uploaded as is:
    ///
    /// ```
    /// directory/
    ///   README.md                                  dataset card: YAML front matter (configs, dataset_info) + text
    ///   pipeline.yaml, pipeline.log                copied from pipelinePath / logFilenamePath when present
    ///   <configuration>/<split>-00000-of-00001.parquet
    /// ```
    ///
    /// Every Parquet file carries the `huggingface` features metadata. A configuration's splits share one schema,
    /// inferred over all its rows (ints widen to doubles when a column mixes them, missing columns are null). Older
    /// `*.parquet` files in the configuration folders written here are removed first, so saving again over a
    /// previous save leaves no stale shard. Each file is written under a temporary name and renamed into place.
    ///
    /// Throws ``DistisetError/unsupportedRows(configuration:split:reason:)`` for a configuration without rows
    /// (its features are unknown) and ``DistisetError/writeFailed(path:reason:)`` when a file cannot be written.
    public func save(to directory: URL) throws {
        for configuration in configurations where configuration.count == 0 {
            throw DistisetError.unsupportedRows(
                configuration: configuration.name, split: configuration.splits.first?.name ?? "train",
                reason: "the configuration has no rows, so its features are unknown; leave it out of the Distiset")
        }
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw DistisetError.writeFailed(path: directory.path, reason: "\(error)")
        }
        var saved: [SavedConfiguration] = []
        for configuration in configurations {
            saved.append(try save(configuration, in: directory))
        }
        var summary = pipelineSummary
        if summary == nil, let pipelinePath { summary = PipelineSummary(contentsOf: pipelinePath) }
        let copiedConfig = try copySideFile(pipelinePath, named: DistisetFileNames.pipelineConfig, into: directory)
        try copySideFile(logFilenamePath, named: DistisetFileNames.pipelineLog, into: directory)
        let card = DatasetCard(
            title: summary?.name ?? directory.lastPathComponent, summary: summary, configurations: saved,
            hasPipelineConfig: copiedConfig)
        try writeText(card.render(), to: directory.appendingPathComponent(DistisetFileNames.card))
    }

    private func save(_ configuration: DistisetConfiguration, in directory: URL) throws -> SavedConfiguration {
        let folder = directory.appendingPathComponent(configuration.name, isDirectory: true)
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".parquet") {
                try manager.removeItem(at: folder.appendingPathComponent(name))
            }
        } catch {
            throw DistisetError.writeFailed(path: folder.path, reason: "\(error)")
        }
        let recordsBySplit = configuration.splits.map { $0.rows.map(ValueConversion.record) }
        let schema: [ParquetField]
        do {
            schema = try ParquetField.inferredSchema(from: recordsBySplit.joined())
        } catch {
            throw DistisetError.unsupportedRows(
                configuration: configuration.name, split: configuration.splits.first?.name ?? "train",
                reason: "\(error)")
        }
        var splits: [SavedConfiguration.Split] = []
        for (split, records) in zip(configuration.splits, recordsBySplit) {
            let file = folder.appendingPathComponent("\(split.name)-00000-of-00001.parquet")
            do {
                try ParquetFileWriter.write(
                    to: file, schema: schema, options: ParquetWriterOptions(huggingfaceFeatures: true)
                ) { writer in try writer.write(rows: records) }
            } catch let error as ParquetError {
                throw DistisetError.unsupportedRows(
                    configuration: configuration.name, split: split.name, reason: "\(error)")
            } catch {
                throw DistisetError.writeFailed(path: file.path, reason: "\(error)")
            }
            let size = (try? manager.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            splits.append(SavedConfiguration.Split(name: split.name, rowCount: split.count, fileSize: size))
        }
        return SavedConfiguration(
            name: configuration.name, schema: schema, splits: splits,
            sampleRow: configuration.splits.lazy.compactMap(\.rows.first).first)
    }

    @discardableResult
    private func copySideFile(_ source: URL?, named name: String, into directory: URL) throws -> Bool {
        guard let source, let contents = FileManager.default.contents(atPath: source.path) else { return false }
        let target = directory.appendingPathComponent(name)
        guard source.standardizedFileURL.path != target.standardizedFileURL.path else { return true }
        do {
            try contents.write(to: target, options: .atomic)
        } catch {
            throw DistisetError.writeFailed(path: target.path, reason: "\(error)")
        }
        return true
    }

    private func writeText(_ text: String, to url: URL) throws {
        do {
            try Foundation.Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw DistisetError.writeFailed(path: url.path, reason: "\(error)")
        }
    }
}

/// What ``Distiset/save(to:)`` wrote for one configuration: what the dataset card describes.
struct SavedConfiguration {
    struct Split {
        var name: String
        var rowCount: Int
        var fileSize: Int
    }

    var name: String
    var schema: [ParquetField]
    var splits: [Split]
    var sampleRow: Row?
}
