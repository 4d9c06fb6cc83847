import Parquet
import Testing

@Test func recordLooksUpFieldsByName() {
    let record = ParquetRecord(names: ["id", "text"], values: [.int(1), .string("é")])
    #expect(record["text"] == .string("é"))
    #expect(record["missing"] == nil)
}
