import Parquet

/// Rows shaped like the `llm` table of the shared fixtures (see `samples/INDEX.md`), generated from the row index
/// exactly as `bench_python.py` generates them.
enum LLMRows {
    static let message = ParquetFieldType.record([ParquetField("role", .string), ParquetField("content", .string)])
    static let tokens = ParquetFieldType.list(ParquetField("element", .int64))

    static let schema: [ParquetField] = [
        ParquetField("id", .int64), ParquetField("instruction", .string), ParquetField("generation", .string),
        ParquetField("model_name", .string), ParquetField("score", .double), ParquetField("is_valid", .bool),
        ParquetField("generations", .list(ParquetField("element", .string))),
        ParquetField("ratings", .list(ParquetField("element", .int64))),
        ParquetField("messages", .list(ParquetField("element", message))),
        ParquetField(
            "distilabel_metadata",
            .record([
                ParquetField("raw_output_text_generation_0", .string),
                ParquetField("raw_input_text_generation_0", .list(ParquetField("element", message))),
                ParquetField(
                    "statistics_text_generation_0",
                    .record([ParquetField("input_tokens", tokens), ParquetField("output_tokens", tokens)])),
            ])),
        ParquetField("all_null", .null),
        ParquetField("headers", .map(key: .string, value: ParquetField("value", .string))),
        ParquetField("created_at", .timestamp(.micros, isAdjustedToUTC: true)),
        ParquetField("created_ns", .timestamp(.nanos, isAdjustedToUTC: false)),
        ParquetField("day", .date), ParquetField("big_text", .string),
        ParquetField("embedding", .list(ParquetField("element", .float))), ParquetField("n_tokens", .int32),
    ]

    static let names = schema.map(\.name)
    static let models = ["meta-llama/Llama-3.1-8B-Instruct", "gpt-4o-mini", "Qwen/Qwen2.5-7B-Instruct"]

    static func chat(_ role: String, _ content: String) -> ParquetValue {
        .record(ParquetRecord(names: ["role", "content"], values: [.string(role), .string(content)]))
    }

    static func row(_ i: Int) -> ParquetRecord {
        let instruction = "Write a haiku about topic #\(i)."
        let generation = "Line one \(i)\nLine two\nLine three — done."
        let statistics = ParquetRecord(
            names: ["input_tokens", "output_tokens"],
            values: [.list([.int(Int64(10 + i % 50))]), .list([.int(Int64(20 + i % 70))])])
        let metadata = ParquetRecord(
            names: ["raw_output_text_generation_0", "raw_input_text_generation_0", "statistics_text_generation_0"],
            values: [.string(generation), .list([chat("user", instruction)]), .record(statistics)])
        let values: [ParquetValue] = [
            .int(Int64(i)), i % 10 == 3 ? .null : .string(instruction), i % 13 == 5 ? .null : .string(generation),
            .string(models[i % 3]), i % 11 == 0 ? .null : .double(Double(i % 16) / 8), .bool(i % 2 == 1),
            .list((0..<(i % 3)).map { .string("cand \(i)-\($0)") }),
            .list((0..<(i % 3)).map { $0 == 1 ? .null : .int(Int64($0)) }),
            .list([
                chat("system", "You are a helpful assistant."), chat("user", instruction),
                chat("assistant", generation),
            ]),
            .record(metadata), .null,
            .map(i % 2 == 0 ? [ParquetMapEntry(key: .string("x-request-id"), value: .string("req-\(i)"))] : []),
            .timestamp(1_714_564_800_000_000 + Int64(i) * 1_000_000, unit: .micros, isAdjustedToUTC: true),
            .timestamp(1_714_564_800_000_000_000 + Int64(i) * 1_000, unit: .nanos, isAdjustedToUTC: false),
            .date(Int32(19844 + i % 365)), .string(String(repeating: "lorem ipsum ", count: i % 5)),
            .list([.float(Float(i % 7) * 0.5), .float(-0.5), .float(0)]), .int(Int64(100 + i % 500)),
        ]
        return ParquetRecord(names: names, values: values)
    }
}
