/// A sort order a row group declares (parquet.thrift `SortingColumn`).
public struct SortingColumn: Hashable, Sendable {
    public var columnIndex: Int32
    public var descending: Bool
    public var nullsFirst: Bool

    public init(columnIndex: Int32, descending: Bool, nullsFirst: Bool) {
        self.columnIndex = columnIndex
        self.descending = descending
        self.nullsFirst = nullsFirst
    }
}

extension SortingColumn: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(columnIndex: 0, descending: false, nullsFirst: false)
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i32): columnIndex = try reader.readI32()
            case (2, let type) where type.isBool: descending = type == .boolTrue
            case (3, let type) where type.isBool: nullsFirst = type == .boolTrue
            default: try reader.skip(field.type)
            }
        }
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.writeField(1, i32: columnIndex)
        writer.writeField(2, bool: descending)
        writer.writeField(3, bool: nullsFirst)
        writer.endStruct()
    }
}
