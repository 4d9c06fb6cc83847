/// Statistics of a column chunk or page (parquet.thrift `Statistics`). Values are PLAIN-encoded, without length
/// prefix for byte arrays.
public struct Statistics: Hashable, Sendable {
    /// Deprecated signed-order maximum.
    public var max: [UInt8]?
    /// Deprecated signed-order minimum.
    public var min: [UInt8]?
    public var nullCount: Int64?
    public var distinctCount: Int64?
    public var maxValue: [UInt8]?
    public var minValue: [UInt8]?
    public var isMaxValueExact: Bool?
    public var isMinValueExact: Bool?
    public var nanCount: Int64?

    public init(
        max: [UInt8]? = nil, min: [UInt8]? = nil, nullCount: Int64? = nil, distinctCount: Int64? = nil,
        maxValue: [UInt8]? = nil, minValue: [UInt8]? = nil, isMaxValueExact: Bool? = nil, isMinValueExact: Bool? = nil,
        nanCount: Int64? = nil
    ) {
        self.max = max
        self.min = min
        self.nullCount = nullCount
        self.distinctCount = distinctCount
        self.maxValue = maxValue
        self.minValue = minValue
        self.isMaxValueExact = isMaxValueExact
        self.isMinValueExact = isMinValueExact
        self.nanCount = nanCount
    }
}

extension Statistics: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        self.init()
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .binary): max = try reader.readBinary()
            case (2, .binary): min = try reader.readBinary()
            case (3, .i64): nullCount = try reader.readI64()
            case (4, .i64): distinctCount = try reader.readI64()
            case (5, .binary): maxValue = try reader.readBinary()
            case (6, .binary): minValue = try reader.readBinary()
            case (7, let type) where type.isBool: isMaxValueExact = type == .boolTrue
            case (8, let type) where type.isBool: isMinValueExact = type == .boolTrue
            case (9, .i64): nanCount = try reader.readI64()
            default: try reader.skip(field.type)
            }
        }
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        if let max { writer.writeField(1, binary: max) }
        if let min { writer.writeField(2, binary: min) }
        if let nullCount { writer.writeField(3, i64: nullCount) }
        if let distinctCount { writer.writeField(4, i64: distinctCount) }
        if let maxValue { writer.writeField(5, binary: maxValue) }
        if let minValue { writer.writeField(6, binary: minValue) }
        if let isMaxValueExact { writer.writeField(7, bool: isMaxValueExact) }
        if let isMinValueExact { writer.writeField(8, bool: isMinValueExact) }
        if let nanCount { writer.writeField(9, i64: nanCount) }
        writer.endStruct()
    }
}
