/// A schema node prepared for record assembly: the LIST / MAP / legacy-list decisions of LogicalTypes.md are taken
/// once per read instead of once per value.
final class AssemblyNode: Sendable {
    enum Shape: Sendable {
        case leaf(Int)
        /// A LIST: the repeated node, and the element field inside it (`nil` when the repeated node is the element,
        /// as in legacy two-level lists).
        case list(repeated: AssemblyNode, element: AssemblyNode?)
        /// A MAP: the repeated key/value group, its key, and its value (`nil` for a key-only map, read as a list).
        case map(entries: AssemblyNode, key: AssemblyNode, value: AssemblyNode?)
        case record(children: [AssemblyNode], names: [String])
    }

    let name: String
    let repetition: FieldRepetitionType
    let maxDefinitionLevel: Int
    let maxRepetitionLevel: Int
    let leafIndices: Range<Int>
    let shape: Shape

    init(_ node: ParquetSchemaNode) {
        name = node.name
        repetition = node.repetition
        maxDefinitionLevel = node.maxDefinitionLevel
        maxRepetitionLevel = node.maxRepetitionLevel
        leafIndices = node.leafIndices
        shape = Self.shape(of: node)
    }

    private static func shape(of node: ParquetSchemaNode) -> Shape {
        if let leaf = node.leafIndex { return .leaf(leaf) }
        if node.isListAnnotated, node.children.count == 1, let repeated = node.children.first,
            repeated.repetition == .repeated
        {
            let repeatedIsElement =
                repeated.isLeaf || repeated.children.count > 1 || repeated.name == "array"
                || repeated.name == node.name + "_tuple"
            return .list(
                repeated: AssemblyNode(repeated),
                element: repeatedIsElement ? nil : AssemblyNode(repeated.children[0]))
        }
        if node.isMapAnnotated, node.children.count == 1, let entries = node.children.first,
            entries.repetition == .repeated, !entries.isLeaf, let key = entries.children.first
        {
            return .map(
                entries: AssemblyNode(entries), key: AssemblyNode(key),
                value: entries.children.count > 1 ? AssemblyNode(entries.children[1]) : nil)
        }
        return .record(children: node.children.map(AssemblyNode.init), names: node.childNames)
    }
}
