/// The schema of a Parquet file as a tree, with the definition and repetition levels of every node.
public struct ParquetSchema: Sendable, Hashable {
    /// The deepest nesting accepted (corrupt footers could otherwise recurse without bound).
    static let maximumDepth = 64

    /// The root group; its children are the table's columns.
    public let root: ParquetSchemaNode
    /// Every leaf column, in the order of `RowGroup.columns`.
    public let leaves: [ParquetSchemaNode]

    /// Builds the tree from the footer's depth-first element list.
    public init(elements: [SchemaElement]) throws {
        guard let first = elements.first else {
            throw ParquetError.malformedMetadata(field: "schema", reason: "the schema has no root element")
        }
        var index = 0
        var leaves: [ParquetSchemaNode] = []
        let root = try Self.build(
            elements, index: &index, parentDefinition: 0, parentRepetition: 0, parentPath: [], depth: 0, isRoot: true,
            leaves: &leaves)
        guard index == elements.count else {
            throw ParquetError.malformedMetadata(
                field: "schema",
                reason: "root '\(first.name)' covers \(index) of \(elements.count) elements (num_children is wrong)")
        }
        self.root = root
        self.leaves = leaves
    }

    /// The top-level column named `name`.
    public func field(named name: String) -> ParquetSchemaNode? {
        root.children.first { $0.name == name }
    }

    private static func build(
        _ elements: [SchemaElement], index: inout Int, parentDefinition: Int, parentRepetition: Int,
        parentPath: [String], depth: Int, isRoot: Bool, leaves: inout [ParquetSchemaNode]
    ) throws -> ParquetSchemaNode {
        guard depth <= maximumDepth else {
            throw ParquetError.malformedMetadata(field: "schema", reason: "nesting deeper than \(maximumDepth) levels")
        }
        guard index < elements.count else {
            throw ParquetError.malformedMetadata(field: "schema", reason: "num_children exceeds the element list")
        }
        let element = elements[index]
        index += 1
        let repetition = isRoot ? .required : (element.repetitionType ?? .required)
        guard [.required, .optional, .repeated].contains(repetition) else {
            throw ParquetError.malformedMetadata(
                field: "schema.\(element.name)", reason: "invalid repetition type \(repetition)")
        }
        let definition = parentDefinition + (repetition == .required ? 0 : 1)
        let repetitionLevel = parentRepetition + (repetition == .repeated ? 1 : 0)
        let path = isRoot ? [] : parentPath + [element.name]
        var node = ParquetSchemaNode(
            name: element.name, repetition: repetition, physicalType: nil, logicalType: element.logicalType,
            convertedType: element.convertedType, typeLength: element.typeLength.map(Int.init),
            scale: element.logicalType?.decimalScale ?? element.scale.map(Int.init),
            precision: element.logicalType?.decimalPrecision ?? element.precision.map(Int.init), children: [],
            maxDefinitionLevel: definition, maxRepetitionLevel: repetitionLevel, path: path, leafIndex: nil,
            leafIndices: leaves.count..<leaves.count)
        let childCount = max(0, Int(element.numChildren ?? 0))
        if childCount > 0 || isRoot {
            guard childCount <= elements.count - index else {
                throw ParquetError.malformedMetadata(
                    field: "schema.\(element.name)",
                    reason: "num_children \(childCount) exceeds the \(elements.count - index) remaining elements")
            }
            for _ in 0..<childCount {
                node.children.append(
                    try build(
                        elements, index: &index, parentDefinition: definition, parentRepetition: repetitionLevel,
                        parentPath: path, depth: depth + 1, isRoot: false, leaves: &leaves))
            }
            node.leafIndices = node.leafIndices.lowerBound..<leaves.count
            return node
        }
        guard let type = element.type else {
            throw ParquetError.malformedMetadata(
                field: "schema.\(element.name)", reason: "a leaf element without a physical type")
        }
        guard (0...7).contains(type.rawValue) else {
            throw ParquetError.malformedMetadata(
                field: "schema.\(element.name)", reason: "invalid physical column type \(type.rawValue)")
        }
        if type == .fixedLenByteArray {
            guard let length = element.typeLength, length >= 0 else {
                throw ParquetError.malformedMetadata(
                    field: "schema.\(element.name)", reason: "FIXED_LEN_BYTE_ARRAY without a valid type_length")
            }
            node.typeLength = Int(length)
        }
        node.physicalType = type
        node.leafIndex = leaves.count
        node.leafIndices = leaves.count..<(leaves.count + 1)
        leaves.append(node)
        return node
    }
}

extension LogicalType {
    var decimalScale: Int? {
        if case .decimal(let scale, _) = self { return Int(scale) }
        return nil
    }

    var decimalPrecision: Int? {
        if case .decimal(_, let precision) = self { return Int(precision) }
        return nil
    }
}
