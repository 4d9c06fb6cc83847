public import DistilabelCore
import Foundation
import Parquet

/// A generator over rows read from JSON Lines, JSON (an array of objects), CSV or Parquet files: one path, several,
/// or a glob pattern (`data/*.jsonl`). Files are read in name order; the format comes from the extension unless
/// given.
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
    private var loaded: [Row] = []

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

    public var outputs: [String] {
        guard let first = try? resolvedFiles().first, let rows = try? Self.read(first, format: format, limit: 1) else {
            return []
        }
        return rows.first?.columns ?? []
    }

    public func columns(after available: [String]) -> [String] { outputs }

    /// Known once the files are loaded.
    public var totalRows: Int? { loaded.isEmpty ? nil : loaded.count }

    /// The files' contents are in the signature: editing an input file recomputes the pipeline.
    public func dataFingerprint() async throws -> String? {
        var hasher = SHA1()
        for file in try resolvedFiles() {
            hasher.update(URL(fileURLWithPath: file).lastPathComponent)
            guard let bytes = FileManager.default.contents(atPath: file) else {
                throw FileSystemDataError.unreadable(path: file)
            }
            hasher.update(bytes)
        }
        return hasher.hexDigest()
    }

    public mutating func load(context: StepContext) async throws {
        var rows: [Row] = []
        for file in try resolvedFiles() {
            rows.append(contentsOf: try Self.read(file, format: format, limit: numExamples.map { $0 - rows.count }))
            if let numExamples, rows.count >= numExamples { break }
        }
        loaded = rows
        context.logger.info("Loaded \(rows.count) rows from \(dataFiles.joined(separator: ", "))")
    }

    public func batch(offset: Int, size: Int, context: StepContext) async throws -> GeneratedBatch {
        let start = min(offset, loaded.count)
        let end = min(offset + size, loaded.count)
        return GeneratedBatch(rows: Array(loaded[start..<end]), isLast: end >= loaded.count)
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

    static func read(_ path: String, format: Format?, limit: Int?) throws -> [Row] {
        let resolvedFormat = format ?? Format(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
        guard let resolvedFormat else { throw FileSystemDataError.unknownFormat(path: path) }
        if resolvedFormat == .parquet { return try ParquetDataReader.rows(path: path, limit: limit) }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw FileSystemDataError.unreadable(path: path)
        }
        switch resolvedFormat {
        case .jsonl: return try JSONLinesReader.rows(from: bytes, path: path, limit: limit)
        case .json:
            let value: Value
            do { value = try Value(jsonBytes: Array(bytes)) } catch {
                throw FileSystemDataError.invalid(path: path, line: nil, reason: "\(error)")
            }
            guard case .list(let elements) = value else {
                throw FileSystemDataError.invalid(path: path, line: nil, reason: "expected an array of objects")
            }
            let rows = try elements.enumerated().map { index, element -> Row in
                guard case .struct(let row) = element else {
                    throw FileSystemDataError.invalid(
                        path: path, line: nil, reason: "element \(index) is not an object")
                }
                return row
            }
            return limit.map { Array(rows.prefix($0)) } ?? rows
        case .csv: return try CSVReader.rows(from: bytes, path: path, limit: limit)
        case .parquet: return try ParquetDataReader.rows(path: path, limit: limit)
        }
    }
}
