/// One key/value metadata entry of a file or column chunk (parquet.thrift `KeyValue`).
public struct KeyValue: Hashable, Sendable {
    public var key: String
    /// The value; `nil` when the writer stored the key alone.
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}

extension KeyValue: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        var key: String?
        var value: String?
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .binary): key = try reader.readString()
            case (2, .binary): value = try reader.readString()
            default: try reader.skip(field.type)
            }
        }
        guard let key else { throw reader.error("KeyValue without its required key") }
        self.init(key: key, value: value)
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.writeField(1, string: key)
        if let value { writer.writeField(2, string: value) }
        writer.endStruct()
    }
}
