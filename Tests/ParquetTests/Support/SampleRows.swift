import Parquet

/// Rows shaped like distilabel's output (the `llm` table of the shared fixtures): strings with non-ASCII text and
/// nulls, lists with null elements, lists of structs, the nested `distilabel_metadata` struct, an all-null column.
enum SampleRows {
    static let texts = ["Hello", "héllo wörld", "日本語のテキスト", "emoji 🎉 ok", "", "line\nbreak \"quoted\""]

    static func message(_ role: String, _ content: String) -> ParquetValue {
        .record(ParquetRecord(names: ["role", "content"], values: [.string(role), .string(content)]))
    }

    static func llm(_ index: Int) -> ParquetRecord {
        let text = texts[index % texts.count]
        let instruction: ParquetValue = index % 7 == 3 ? .null : .string("Instruction \(index): \(text)")
        let generations: ParquetValue =
            index % 5 == 4 ? .null : .list((0..<(index % 3)).map { .string("gen \($0) \(text)") })
        let ratings: ParquetValue = .list((0..<(index % 4)).map { $0 == 1 ? .null : .int(Int64($0 + index)) })
        let messages: ParquetValue = .list([message("user", text), message("assistant", "answer \(index)")])
        let statistics = ParquetValue.record(
            ParquetRecord(
                names: ["input_tokens", "output_tokens"],
                values: [.list([.int(Int64(10 + index))]), .list([.int(Int64(index % 9)), .int(3)])]))
        let metadata: ParquetValue =
            index % 6 == 5
            ? .null
            : .record(
                ParquetRecord(
                    names: [
                        "raw_output_text_generation_0", "raw_input_text_generation_0", "statistics_text_generation_0",
                    ],
                    values: [index % 4 == 0 ? .null : .string("raw \(text)"), messages, statistics]))
        return ParquetRecord(
            names: [
                "id", "instruction", "model_name", "score", "is_valid", "generations", "ratings", "messages",
                "distilabel_metadata", "all_null", "created_at", "embedding",
            ],
            values: [
                .int(Int64(index) * 1_000_003 - 7), instruction, .string(index % 2 == 0 ? "gpt-4o" : "llama-3"),
                index % 8 == 1 ? .null : .double(Double(index) / 4 - 3.5), .bool(index % 3 == 0), generations,
                ratings, messages, metadata, .null,
                .timestamp(1_700_000_000_000_000 + Int64(index) * 1_000_001, unit: .micros, isAdjustedToUTC: true),
                .list([.float(Float(index) * 0.5), .float(-0.25)]),
            ])
    }

    static func llm(count: Int) -> [ParquetRecord] { (0..<count).map(llm) }
}
