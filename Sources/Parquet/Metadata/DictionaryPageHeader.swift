/// The header of a DICTIONARY_PAGE (parquet.thrift `DictionaryPageHeader`).
public struct DictionaryPageHeader: Hashable, Sendable {
    public var numValues: Int32
    /// PLAIN (or the deprecated PLAIN_DICTIONARY, which means the same for dictionary pages).
    public var encoding: Encoding
    public var isSorted: Bool?

    public init(numValues: Int32, encoding: Encoding = .plain, isSorted: Bool? = nil) {
        self.numValues = numValues
        self.encoding = encoding
        self.isSorted = isSorted
    }
}

extension DictionaryPageHeader: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(numValues: -1)
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i32): numValues = try reader.readI32()
            case (2, .i32): encoding = Encoding(rawValue: try reader.readI32())
            case (3, let type) where type.isBool: isSorted = type == .boolTrue
            default: try reader.skip(field.type)
            }
        }
        guard numValues >= 0 else { throw reader.error("DictionaryPageHeader with a missing or negative num_values") }
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.writeField(1, i32: numValues)
        writer.writeField(2, i32: encoding.rawValue)
        if let isSorted { writer.writeField(3, bool: isSorted) }
        writer.endStruct()
    }
}
