/// A Thrift struct or union that decodes from and encodes to the compact protocol.
protocol ThriftCodable: Sendable {
    /// Decodes one struct whose fields start at the reader's position (the opening field header).
    init(thrift reader: inout ThriftCompactReader) throws
    /// Encodes the struct's fields followed by a stop byte.
    func encode(thrift writer: inout ThriftCompactWriter)
}

extension ThriftCodable {
    /// Decodes one value from `bytes` starting at `offset`; returns it with the offset just past it.
    static func decode(from bytes: [UInt8], at offset: Int = 0, end: Int? = nil) throws -> (Self, Int) {
        var reader = ThriftCompactReader(bytes, start: offset, end: end ?? bytes.count)
        let value = try Self(thrift: &reader)
        return (value, reader.position)
    }

    /// The compact-protocol bytes of this value.
    func thriftEncoded() -> [UInt8] {
        var writer = ThriftCompactWriter()
        encode(thrift: &writer)
        return writer.bytes
    }
}
