import Foundation
import Testing

@testable import Parquet

@Suite struct SchemaInferenceTests {
    func row(_ pairs: KeyValuePairs<String, ParquetValue>) -> ParquetRecord {
        ParquetRecord(names: pairs.map(\.key), values: pairs.map(\.value))
    }

    @Test func infersLikeFromPylist() throws {
        let rows = [
            row(["id": .int(1), "score": .int(2), "tags": .list([]), "meta": .null, "none": .null]),
            row([
                "id": .int(2), "score": .double(0.5), "tags": .list([.null, .string("a")]),
                "meta": .record(ParquetRecord(names: ["k"], values: [.int(1)])), "none": .null,
            ]),
            row([
                "id": .int(3), "extra": .bool(true),
                "meta": .record(ParquetRecord(names: ["j"], values: [.string("x")])),
            ]),
        ]
        let schema = try ParquetField.inferredSchema(from: rows)
        #expect(
            schema == [
                ParquetField("id", .int64), ParquetField("score", .double),
                ParquetField("tags", .list(ParquetField("element", .string))),
                ParquetField("meta", .record([ParquetField("k", .int64), ParquetField("j", .string)])),
                ParquetField("none", .null), ParquetField("extra", .bool),
            ])
    }

    @Test func incompatibleTypesThrowWithThePath() {
        let rows = [
            row(["a": .record(ParquetRecord(names: ["b"], values: [.string("x")]))]),
            row(["a": .record(ParquetRecord(names: ["b"], values: [.list([])]))]),
        ]
        #expect(
            throws: ParquetError.schema(
                path: ".a.b", reason: "holds both string and list<null> values; give the writer an explicit schema")
        ) {
            try ParquetField.inferredSchema(from: rows)
        }
    }

    @Test func huggingFaceFeaturesMatchWhatDatasetsWrote() throws {
        let fixture = Fixtures.samples.appendingPathComponent("hf_datasets_to_parquet.parquet")
        let bytes = try [UInt8](Foundation.Data(contentsOf: fixture))
        let length = Int(bytes[bytes.count - 8]) | Int(bytes[bytes.count - 7]) << 8 | Int(bytes[bytes.count - 6]) << 16
        let (footer, _) = try FileMetaData.decode(from: bytes, at: bytes.count - 8 - length, end: bytes.count - 8)
        let written = try #require(footer.keyValueMetadata?.first { $0.key == "huggingface" }?.value)
        let message = ParquetFieldType.list(
            ParquetField("element", .record([ParquetField("role", .string), ParquetField("content", .string)])))
        let tokens = ParquetFieldType.list(ParquetField("element", .int64))
        let fields = [
            ParquetField("id", .int64), ParquetField("instruction", .string), ParquetField("generation", .string),
            ParquetField("model_name", .string), ParquetField("score", .double), ParquetField("is_valid", .bool),
            ParquetField("generations", .list(ParquetField("element", .string))), ParquetField("ratings", tokens),
            ParquetField("messages", message),
            ParquetField(
                "distilabel_metadata",
                .record([
                    ParquetField("raw_output_text_generation_0", .string),
                    ParquetField("raw_input_text_generation_0", message),
                    ParquetField(
                        "statistics_text_generation_0",
                        .record([ParquetField("input_tokens", tokens), ParquetField("output_tokens", tokens)])),
                ])),
        ]
        #expect(try HuggingFaceFeatures.json(for: fields) == written)
    }
}
