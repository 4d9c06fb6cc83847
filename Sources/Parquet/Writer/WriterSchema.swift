/// A writer's schema compiled for writing: the footer's schema elements, one ``LeafColumn`` per column chunk and
/// the tree the row shredder walks.
struct WriterSchema: Sendable {
    let fields: [ParquetField]
    private(set) var elements: [SchemaElement] = []
    private(set) var leaves: [LeafColumn] = []
    private(set) var roots: [ShredNode] = []

    /// Nesting deeper than this cannot be stored in one-byte levels.
    static let maximumLevel = 250

    init(fields: [ParquetField]) throws(ParquetError) {
        self.fields = fields
        try checkNames(fields, path: "")
        elements.append(SchemaElement(repetitionType: .required, name: "schema", numChildren: Int32(fields.count)))
        for field in fields {
            roots.append(try build(field, definition: 0, repetition: 0, path: []))
        }
    }

    private func checkNames(_ fields: [ParquetField], path: String) throws(ParquetError) {
        var seen = Set<String>()
        for field in fields where !seen.insert(field.name).inserted {
            throw .schema(path: path + field.name, reason: "the name appears twice in the same struct")
        }
    }

    private mutating func build(
        _ field: ParquetField, definition: Int, repetition: Int, path: [String]
    )
        throws(ParquetError) -> ShredNode
    {
        let path = path + [field.name]
        let dotted = path.joined(separator: ".")
        let definition = definition + (field.isNullable ? 1 : 0)
        guard definition < Self.maximumLevel - 1 else { throw .schema(path: dotted, reason: "nested too deeply") }
        let repetitionType: FieldRepetitionType = field.isNullable ? .optional : .required
        let firstLeaf = leaves.count
        let kind: ShredNode.Kind
        switch field.type {
        case .list(let element):
            elements.append(
                SchemaElement(
                    repetitionType: repetitionType, name: field.name, numChildren: 1, convertedType: .list,
                    logicalType: .list))
            elements.append(SchemaElement(repetitionType: .repeated, name: "list", numChildren: 1))
            let child = try build(
                element, definition: definition + 1, repetition: repetition + 1, path: path + ["list"])
            kind = .list(element: child, repetitionLevel: repetition + 1)
        case .map(let keyType, let value):
            elements.append(
                SchemaElement(
                    repetitionType: repetitionType, name: field.name, numChildren: 1, convertedType: .map,
                    logicalType: .map))
            elements.append(SchemaElement(repetitionType: .repeated, name: "key_value", numChildren: 2))
            let key = try build(
                ParquetField("key", keyType, isNullable: false), definition: definition + 1,
                repetition: repetition + 1, path: path + ["key_value"])
            let valueNode = try build(
                value, definition: definition + 1, repetition: repetition + 1, path: path + ["key_value"])
            kind = .map(key: key, value: valueNode, repetitionLevel: repetition + 1)
        case .record(let children):
            guard !children.isEmpty else {
                throw .schema(path: dotted, reason: "a struct needs at least one field to be stored in Parquet")
            }
            try checkNames(children, path: dotted + ".")
            elements.append(
                SchemaElement(repetitionType: repetitionType, name: field.name, numChildren: Int32(children.count)))
            var nodes: [ShredNode] = []
            for child in children {
                nodes.append(try build(child, definition: definition, repetition: repetition, path: path))
            }
            kind = .record(nodes)
        default:
            var element = Self.leafElement(field.type)
            element.name = field.name
            element.repetitionType = repetitionType
            elements.append(element)
            leaves.append(
                LeafColumn(
                    path: path, type: field.type, physicalType: element.type!, maxDefinitionLevel: definition,
                    maxRepetitionLevel: repetition))
            kind = .leaf(firstLeaf, LeafKind(field.type), hasRepetition: repetition > 0)
        }
        return ShredNode(
            name: field.name, path: dotted, isNullable: field.isNullable, kind: kind, leaves: firstLeaf..<leaves.count)
    }

    /// The schema element of a primitive column (its name and repetition are filled in by the caller).
    static func leafElement(_ type: ParquetFieldType) -> SchemaElement {
        switch type {
        case .null: return SchemaElement(type: .int32, name: "", logicalType: .unknown)
        case .bool: return SchemaElement(type: .boolean, name: "")
        case .int32: return SchemaElement(type: .int32, name: "")
        case .int64: return SchemaElement(type: .int64, name: "")
        case .uint64:
            return SchemaElement(
                type: .int64, name: "", convertedType: .uint64, logicalType: .integer(bitWidth: 64, isSigned: false))
        case .float: return SchemaElement(type: .float, name: "")
        case .double: return SchemaElement(type: .double, name: "")
        case .string: return SchemaElement(type: .byteArray, name: "", convertedType: .utf8, logicalType: .string)
        case .binary: return SchemaElement(type: .byteArray, name: "")
        case .date: return SchemaElement(type: .int32, name: "", convertedType: .date, logicalType: .date)
        case .timestamp(let unit, let utc):
            let converted: ConvertedType? =
                !utc ? nil : unit == .millis ? .timestampMillis : unit == .micros ? .timestampMicros : nil
            return SchemaElement(
                type: .int64, name: "", convertedType: converted,
                logicalType: .timestamp(isAdjustedToUTC: utc, unit: unit))
        case .time(let unit, let utc):
            let converted: ConvertedType? = unit == .millis ? .timeMillis : unit == .micros ? .timeMicros : nil
            return SchemaElement(
                type: unit == .millis ? .int32 : .int64, name: "", convertedType: converted,
                logicalType: .time(isAdjustedToUTC: utc, unit: unit))
        case .decimal(let precision, let scale):
            return SchemaElement(
                type: .byteArray, name: "", convertedType: .decimal, scale: Int32(scale),
                precision: Int32(precision), logicalType: .decimal(scale: Int32(scale), precision: Int32(precision)))
        case .list, .map, .record:
            preconditionFailure("groups have no leaf element")
        }
    }
}

/// One column chunk's column: its path in the schema, types and level bounds.
struct LeafColumn: Sendable {
    let path: [String]
    let type: ParquetFieldType
    let physicalType: PhysicalType
    let maxDefinitionLevel: Int
    let maxRepetitionLevel: Int

    var dottedPath: String { path.joined(separator: ".") }
}

/// A node of the tree that turns a row into levels and values, one per field of the writer's schema. A class, so
/// that walking the tree for every row does not copy it.
final class ShredNode: Sendable {
    enum Kind: Sendable {
        /// A primitive column: the index of its ``LeafColumn``, how values convert, whether it has repetition levels.
        case leaf(Int, LeafKind, hasRepetition: Bool)
        case record([ShredNode])
        case list(element: ShredNode, repetitionLevel: Int)
        case map(key: ShredNode, value: ShredNode, repetitionLevel: Int)
    }

    let name: String
    /// The dotted path, for error messages.
    let path: String
    let isNullable: Bool
    let kind: Kind
    /// The leaf columns under this node.
    let leaves: Range<Int>

    init(name: String, path: String, isNullable: Bool, kind: Kind, leaves: Range<Int>) {
        self.name = name
        self.path = path
        self.isNullable = isNullable
        self.kind = kind
        self.leaves = leaves
    }
}

/// How a leaf converts values: the primitive ``ParquetFieldType`` flattened into a trivial enum for the hot path.
enum LeafKind: Sendable, Hashable {
    case null, bool, int32, int64, uint64, float, double, string, binary, date
    case decimal(scale: Int)
    case timestamp(ParquetTimeUnit)
    case time(ParquetTimeUnit)

    init(_ type: ParquetFieldType) {
        switch type {
        case .null: self = .null
        case .bool: self = .bool
        case .int32: self = .int32
        case .int64: self = .int64
        case .uint64: self = .uint64
        case .float: self = .float
        case .double: self = .double
        case .string: self = .string
        case .binary: self = .binary
        case .date: self = .date
        case .decimal(_, let scale): self = .decimal(scale: scale)
        case .timestamp(let unit, _): self = .timestamp(unit)
        case .time(let unit, _): self = .time(unit)
        case .list, .map, .record: preconditionFailure("groups are not leaves")
        }
    }
}
