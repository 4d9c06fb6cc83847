public import DistilabelCore
import Foundation
import Parquet

/// A generator over rows read from JSON Lines, JSON (an array of objects), CSV or Parquet files: one path, several,
/// or a glob pattern (`data/*.jsonl`). Files are read in name order; the format comes from the extension unless
/// given.
///
/// The files are read lazily: loading indexes them (where the lines of JSON Lines and CSV files start, the row
/// groups of Parquet files), and each batch reads and parses only its own rows, so memory holds about one batch
/// whatever the files' size. JSON arrays are parsed whole and kept column by column (``InlineRows``). Indexing checks
/// each record's shape, so a JSON Lines line that is not `{…}` or a CSV record with the wrong number of fields fails
/// the load, before any batch runs; a line of the right shape with bad JSON inside is reported when the batch that
/// holds it is read. Either error names the file and the line.
///
/// Any batch can be read again, cheaply and exactly, from files whose contents are in the signature
/// (``dataFingerprint()``): the step replays its batches (``replaysBatches``), and the cache keeps only their
/// records when it is not a leaf.
public struct LoadDataFromFileSystem: GeneratorStep {
    /// File formats this step reads.
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, json, csv, parquet
    }

    /// Paths or glob patterns.
    public var dataFiles: [String]
    public var format: Format?
    /// Read at most this many rows (all when `nil`).
    public var numExamples: Int?
    /// The indexed files, and the first row of each in the whole sequence.
    private var files: [any IndexedDataFile] = []
    private var fileStarts: [Int] = []
    private var rowCount = 0

    public init(dataFiles: [String], format: Format? = nil, numExamples: Int? = nil) {
        self.dataFiles = dataFiles
        self.format = format
        self.numExamples = numExamples
    }

    public init(dataFiles: String, format: Format? = nil, numExamples: Int? = nil) {
        self.init(dataFiles: [dataFiles], format: format, numExamples: numExamples)
    }

    public var configuration: Row {
        // Python distilabel takes one path, directory or glob as a string; a list only for several.
        var row: Row = [
            "data_files": dataFiles.count == 1 ? .string(dataFiles[0]) : .list(dataFiles.map(Value.string))
        ]
        if let format { row["filetype"] = .string(format.rawValue) }
        if let numExamples { row["num_examples"] = .int(Int64(numExamples)) }
        return row
    }

    /// The columns of the first file's first row (read alone, without loading the files).
    public var outputs: [String] {
        guard let first = try? resolvedFiles().first, let file = try? Self.index(first, format: format, limit: 1),
            let row = try? file.rows(in: 0..<file.rowCount).first
        else {
            return []
        }
        return row.columns
    }

    public func columns(after available: [String]) -> [String] { outputs }

    /// Known once the files are loaded.
    public var totalRows: Int? { rowCount == 0 ? nil : rowCount }

    /// Batches are read again, at the cost of parsing their rows, from files whose contents are in the signature:
    /// the cache keeps only their records.
    public var replaysBatches: Bool { true }

    /// The files' contents are in the signature: editing an input file recomputes the pipeline.
    public func dataFingerprint() async throws -> String? {
        var hasher = SHA1()
        for file in try resolvedFiles() {
            hasher.update(URL(fileURLWithPath: file).lastPathComponent)
            try DataFileBytes.forEachChunk(path: file) { chunk, _ in
                hasher.update(chunk)
                return true
            }
        }
        return hasher.hexDigest()
    }

    /// Indexes the files, in order, until ``numExamples`` rows: no row is parsed yet.
    public mutating func load(context: StepContext) async throws {
        var files: [any IndexedDataFile] = []
        var starts: [Int] = []
        var total = 0
        for path in try resolvedFiles() {
            let file = try Self.index(path, format: format, limit: numExamples.map { max(0, $0 - total) })
            files.append(file)
            starts.append(total)
            total += file.rowCount
            if let numExamples, total >= numExamples { break }
        }
        (self.files, fileStarts, rowCount) = (files, starts, total)
        context.logger.info("Loaded \(total) rows from \(dataFiles.joined(separator: ", "))")
    }

    /// Reads and parses rows `offset..<offset + size` from the files that hold them.
    public func batch(offset: Int, size: Int, context: StepContext) async throws -> GeneratedBatch {
        let start = min(offset, rowCount)
        let end = min(offset + size, rowCount)
        var rows: [Row] = []
        rows.reserveCapacity(end - start)
        for (file, first) in zip(files, fileStarts) where first < end && first + file.rowCount > start {
            let range = (max(start, first) - first)..<(min(end, first + file.rowCount) - first)
            rows.append(contentsOf: try file.rows(in: range))
        }
        return GeneratedBatch(rows: rows, isLast: end >= rowCount)
    }

    /// Drops the Parquet row groups kept for the next batch.
    public func unload() async {
        for file in files { file.release() }
    }

    /// The files the paths and patterns name, sorted within each pattern.
    func resolvedFiles() throws -> [String] {
        var files: [String] = []
        for pattern in dataFiles {
            let expanded = (pattern as NSString).expandingTildeInPath
            if expanded.contains(where: { "*?[".contains($0) }) {
                let matches = try Self.glob(expanded)
                guard !matches.isEmpty else { throw FileSystemDataError.noMatch(pattern: pattern) }
                files.append(contentsOf: matches)
            } else {
                guard FileManager.default.fileExists(atPath: expanded) else {
                    throw FileSystemDataError.missing(path: expanded)
                }
                files.append(expanded)
            }
        }
        return files
    }

    private static func glob(_ pattern: String) throws -> [String] {
        let url = URL(fileURLWithPath: pattern)
        let directory = url.deletingLastPathComponent().path
        let namePattern = url.lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { fnmatch(namePattern, $0, 0) == 0 }.sorted().map { directory + "/" + $0 }
    }
}
