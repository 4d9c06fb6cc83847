/// How a column's statistics are ordered (the parquet.thrift `ColumnOrder` union).
public enum ColumnOrder: Hashable, Sendable {
    /// `TYPE_ORDER`: the order of the logical type (what writers emit for every column).
    case typeDefinedOrder
    /// `IEEE_754_TOTAL_ORDER` for floating-point columns.
    case ieee754TotalOrder
    /// A union member this library does not know (its field id).
    case unrecognized(Int16)
}

extension ColumnOrder: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        var result: ColumnOrder?
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            if result == nil {
                switch field.id {
                case 1: result = .typeDefinedOrder
                case 2: result = .ieee754TotalOrder
                default: result = .unrecognized(field.id)
                }
            }
            try reader.skip(field.type)
        }
        self = result ?? .unrecognized(0)
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        switch self {
        case .typeDefinedOrder: writer.writeEmptyStructField(1)
        case .ieee754TotalOrder: writer.writeEmptyStructField(2)
        case .unrecognized(let id): if id > 0 { writer.writeEmptyStructField(id) }
        }
        writer.endStruct()
    }
}
