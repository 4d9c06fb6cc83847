import Distilabel
import Foundation
import Parquet

/// Rows and folders the Distiset tests build.
enum SampleData {
    /// Rows with every kind of value a pipeline produces: ints, doubles, strings, bools, nulls, lists of strings,
    /// lists of structs (chat messages) and structs (metadata).
    static func rows(_ count: Int, metadata: Bool = false) -> [Row] {
        (0..<count).map { index in
            var row: Row = [
                "id": .int(Int64(index)),
                "instruction": .string("Write a haiku about the number \(index) — «\(index * 7)»"),
                "score": .double(Double(index) / 4),
                "accepted": .bool(index % 2 == 0),
                "note": index % 3 == 0 ? .null : .string("note \(index)"),
                "tags": .list((0..<(index % 3)).map { .string("tag\($0)") }),
                "messages": .list([
                    ["role": "user", "content": .string("question \(index)")],
                    ["role": "assistant", "content": .string("answer \(index)")],
                ]),
            ]
            if metadata {
                row["distilabel_metadata"] = ["statistics": ["input_tokens": .int(Int64(index + 10))]]
            }
            return row
        }
    }

    /// Writes `rows` in batches of `batchSize` as `folder/00001.parquet, 00002.parquet, …`.
    static func writeBatches(_ rows: [Row], batchSize: Int, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (number, start) in stride(from: 0, to: rows.count, by: batchSize).enumerated() {
            let batch = rows[start..<min(start + batchSize, rows.count)]
            let url = folder.appendingPathComponent(String(format: "%05d.parquet", number + 1))
            try ParquetFileWriter.write(to: url) { writer in
                try writer.write(
                    rows: batch.map { ParquetRecord(names: $0.columns, values: $0.values.map(parquetValue)) })
            }
        }
    }

    static func parquetValue(_ value: Value) -> ParquetValue {
        switch value {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .int(int)
        case .double(let double): return .double(double)
        case .string(let string): return .string(string)
        case .list(let list): return .list(list.map(parquetValue))
        case .struct(let row): return .record(ParquetRecord(names: row.columns, values: row.values.map(parquetValue)))
        }
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Foundation.Data(text.utf8).write(to: url)
    }
}
