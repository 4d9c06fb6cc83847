/// One node of the flattened, depth-first schema in the footer (parquet.thrift `SchemaElement`).
public struct SchemaElement: Hashable, Sendable {
    /// The physical type; `nil` for groups.
    public var type: PhysicalType?
    /// The byte width of FIXED_LEN_BYTE_ARRAY values.
    public var typeLength: Int32?
    /// `nil` for the root of some writers (polars).
    public var repetitionType: FieldRepetitionType?
    public var name: String
    /// The number of children; `nil` (or absent) for leaves.
    public var numChildren: Int32?
    public var convertedType: ConvertedType?
    public var scale: Int32?
    public var precision: Int32?
    public var fieldID: Int32?
    public var logicalType: LogicalType?

    public init(
        type: PhysicalType? = nil, typeLength: Int32? = nil, repetitionType: FieldRepetitionType? = nil,
        name: String, numChildren: Int32? = nil, convertedType: ConvertedType? = nil, scale: Int32? = nil,
        precision: Int32? = nil, fieldID: Int32? = nil, logicalType: LogicalType? = nil
    ) {
        self.type = type
        self.typeLength = typeLength
        self.repetitionType = repetitionType
        self.name = name
        self.numChildren = numChildren
        self.convertedType = convertedType
        self.scale = scale
        self.precision = precision
        self.fieldID = fieldID
        self.logicalType = logicalType
    }
}

extension SchemaElement: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        var name: String?
        self.init(name: "")
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i32): type = PhysicalType(rawValue: try reader.readI32())
            case (2, .i32): typeLength = try reader.readI32()
            case (3, .i32): repetitionType = FieldRepetitionType(rawValue: try reader.readI32())
            case (4, .binary): name = try reader.readString()
            case (5, .i32): numChildren = try reader.readI32()
            case (6, .i32): convertedType = ConvertedType(rawValue: try reader.readI32())
            case (7, .i32): scale = try reader.readI32()
            case (8, .i32): precision = try reader.readI32()
            case (9, .i32): fieldID = try reader.readI32()
            case (10, .struct): logicalType = try LogicalType(thrift: &reader)
            default: try reader.skip(field.type)
            }
        }
        guard let name else { throw reader.error("SchemaElement without its required name") }
        self.name = name
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        if let type { writer.writeField(1, i32: type.rawValue) }
        if let typeLength { writer.writeField(2, i32: typeLength) }
        if let repetitionType { writer.writeField(3, i32: repetitionType.rawValue) }
        writer.writeField(4, string: name)
        if let numChildren { writer.writeField(5, i32: numChildren) }
        if let convertedType { writer.writeField(6, i32: convertedType.rawValue) }
        if let scale { writer.writeField(7, i32: scale) }
        if let precision { writer.writeField(8, i32: precision) }
        if let fieldID { writer.writeField(9, i32: fieldID) }
        if let logicalType { writer.writeField(10, struct: logicalType) }
        writer.endStruct()
    }
}
