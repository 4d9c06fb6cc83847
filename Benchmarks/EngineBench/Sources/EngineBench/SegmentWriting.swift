import Distilabel
import Foundation
import Parquet

/// `EngineBench segments ROWS`: the cache's segment writer alone, on ROWS rows written as 25k-row files, for the
/// benchmark's two-column rows and for LLM-shaped rows; the row path (`ParquetRecord` per row) beside it.
func measureSegmentWriting(rows: Int, directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let plain = (0..<rows).map { Row(columns: ["id", "text"], values: [.int(Int64($0)), .string("row \($0)")]) }
    let message = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 6)
    let llm = (0..<rows).map { index in
        Row(
            columns: ["instruction", "generation", "model_name", "distilabel_metadata"],
            values: [
                .string("Question \(index): \(message.prefix(80))"), .string("Answer \(index): \(message)"),
                .string("gpt-4o-mini"),
                .struct(
                    Row(
                        columns: ["raw_output_text_generation_0", "statistics_text_generation_0"],
                        values: [
                            .string(message),
                            .struct(Row(columns: ["input_tokens", "output_tokens"], values: [.int(42), .int(97)])),
                        ])),
            ])
    }
    print("segment writing, \(rows) rows in files of 25,000 (fsync on)")
    print("rows          path                        seconds   rows/s   file MB")
    let tables =
        [("id+text", plain), ("LLM-shaped", llm)].filter { name, _ in
            // SEGMENT_TABLE=id+text or LLM-shaped measures one table only (for a profiler).
            ProcessInfo.processInfo.environment["SEGMENT_TABLE"].map { $0 == name } ?? true
        }
    for (name, table) in tables {
        let segments = stride(from: 0, to: table.count, by: 25_000).map {
            Array(table[$0..<min($0 + 25_000, table.count)])
        }
        let variants: [(String, (Int, [Row]) throws -> Void)] = [
            (
                "columns (the cache)",
                {
                    try ParquetRows.write(
                        $1, to: directory.appendingPathComponent("c\($0).parquet"),
                        options: DurableExecutionStore.segmentWriterOptions)
                }
            ),
            (
                "columns, pyarrow's options",
                { try ParquetRows.write($1, to: directory.appendingPathComponent("d\($0).parquet")) }
            ),
            (
                "rows (ParquetRecord)",
                { index, rows in
                    try ParquetFileWriter.write(to: directory.appendingPathComponent("r\(index).parquet")) {
                        try $0.write(rows: rows.map(ValueConversion.record))
                    }
                }
            ),
        ]
        for (variant, (label, write)) in variants.enumerated() {
            let prefix = ["c", "d", "r"][variant]
            let start = ContinuousClock.now
            for (index, segment) in segments.enumerated() { try write(index, segment) }
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            var bytes = 0
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasPrefix(prefix)
            {
                let url = directory.appendingPathComponent(file)
                bytes += (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                try FileManager.default.removeItem(at: url)
            }
            print(
                "\(name.padding(toLength: 13, withPad: " ", startingAt: 0)) \(label.padding(toLength: 27, withPad: " ", startingAt: 0)) "
                    + String(format: "%7.3f  %8.0f  %7.1f", seconds, Double(table.count) / seconds, Double(bytes) / 1e6)
            )
        }
    }
}
