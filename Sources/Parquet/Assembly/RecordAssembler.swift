/// Rebuilds nested rows from the definition and repetition levels of leaf columns (Dremel record assembly).
///
/// Each leaf has a cursor over its entries. Reading a node consumes the entries of every leaf under it; an absent
/// (null or empty) node consumes exactly one entry per leaf. LIST and MAP annotations, the legacy two-level list,
/// and unannotated repeated fields are handled as described in LogicalTypes.md.
struct RecordAssembler {
    /// Indexed by leaf index; `nil` for leaves outside the projection.
    private var columns: [ColumnData?]
    private var entry: [Int]
    private var valueIndex: [Int]
    private let maxDefinition: [Int]
    private let names: [String]

    init(columns: [Int: ColumnData], leaves: [ParquetSchemaNode]) {
        var dense = [ColumnData?](repeating: nil, count: leaves.count)
        for (index, column) in columns where index < leaves.count { dense[index] = column }
        self.columns = dense
        self.maxDefinition = leaves.map(\.maxDefinitionLevel)
        self.names = leaves.map { $0.path.joined(separator: ".") }
        self.entry = Array(repeating: 0, count: leaves.count)
        self.valueIndex = Array(repeating: 0, count: leaves.count)
    }

    private func corrupt(_ leaf: Int, _ reason: String) -> ParquetError {
        .inconsistentLevels(column: leaf < names.count ? names[leaf] : "#\(leaf)", reason: reason)
    }

    /// Assembles `rowCount` rows of the top-level `fields`.
    mutating func assemble(fields: [ParquetSchemaNode], rowCount: Int) throws -> [ParquetRecord] {
        var rows: [ParquetRecord] = []
        rows.reserveCapacity(rowCount)
        let names = fields.map(\.name)
        for row in 0..<rowCount {
            var values: [ParquetValue] = []
            values.reserveCapacity(fields.count)
            for field in fields {
                for leaf in field.leafIndices {
                    let index = entry[leaf]
                    guard let column = columns[leaf], index < column.count else {
                        throw corrupt(leaf, "the column ends before row \(row) of \(rowCount)")
                    }
                    if !column.repetitionLevels.isEmpty && column.repetitionLevels[index] != 0 {
                        throw corrupt(leaf, "the repetition level at the start of row \(row) is not 0")
                    }
                }
                values.append(try readField(field))
            }
            rows.append(ParquetRecord(names: names, values: values))
        }
        for (leaf, column) in columns.enumerated() {
            guard let column, entry[leaf] != column.count || valueIndex[leaf] != column.values.count else { continue }
            throw corrupt(
                leaf,
                "levels and values do not match the row count: \(entry[leaf]) of \(column.count) levels and "
                    + "\(valueIndex[leaf]) of \(column.values.count) values used for \(rowCount) rows")
        }
        return rows
    }

    // MARK: Level access

    private func definition(_ leaf: Int) throws -> Int {
        let index = entry[leaf]
        guard let column = columns[leaf], index < column.count else {
            throw corrupt(leaf, "more values are needed than the column holds")
        }
        return column.definitionLevels.isEmpty ? maxDefinition[leaf] : Int(column.definitionLevels[index])
    }

    private func nextRepetition(_ leaf: Int) -> Int? {
        let index = entry[leaf]
        guard let column = columns[leaf], index < column.count else { return nil }
        return column.repetitionLevels.isEmpty ? 0 : Int(column.repetitionLevels[index])
    }

    /// Consumes one entry of every leaf under `node` (the node is null or an empty list).
    private mutating func skipAbsent(_ node: ParquetSchemaNode) throws {
        for leaf in node.leafIndices {
            let level = try definition(leaf)
            if level >= node.maxDefinitionLevel {
                throw corrupt(leaf, "definition level \(level) contradicts an absent '\(node.name)'")
            }
            entry[leaf] += 1
        }
    }

    private func firstLeaf(_ node: ParquetSchemaNode) throws -> Int {
        guard let leaf = node.leafIndices.first, leaf < columns.count else {
            throw ParquetError.malformedMetadata(field: "schema.\(node.name)", reason: "a group without leaf columns")
        }
        return leaf
    }

    // MARK: Nodes

    /// A field as its parent sees it: repeated fields become lists, optional ones may be null.
    private mutating func readField(_ node: ParquetSchemaNode) throws -> ParquetValue {
        switch node.repetition {
        case .repeated:
            return .list(try readRepeated(node) { assembler in try assembler.readPresent(node) })
        case .optional:
            if try definition(try firstLeaf(node)) < node.maxDefinitionLevel {
                try skipAbsent(node)
                return .null
            }
            return try readPresent(node)
        default:
            return try readPresent(node)
        }
    }

    /// The elements of a repeated node, each read by `element`.
    private mutating func readRepeated(
        _ node: ParquetSchemaNode, element: (inout RecordAssembler) throws -> ParquetValue
    ) throws -> [ParquetValue] {
        let leaf = try firstLeaf(node)
        if try definition(leaf) < node.maxDefinitionLevel {
            try skipAbsent(node)
            return []
        }
        var elements: [ParquetValue] = []
        repeat {
            elements.append(try element(&self))
        } while nextRepetition(leaf) == node.maxRepetitionLevel
        return elements
    }

    /// A node known to be present (not null).
    private mutating func readPresent(_ node: ParquetSchemaNode) throws -> ParquetValue {
        if let leaf = node.leafIndex {
            let level = try definition(leaf)
            guard level == node.maxDefinitionLevel else {
                throw corrupt(leaf, "definition level \(level) where \(node.maxDefinitionLevel) is required")
            }
            let index = valueIndex[leaf]
            guard let column = columns[leaf], index < column.values.count else {
                throw corrupt(leaf, "more non-null values are needed than the page holds")
            }
            entry[leaf] += 1
            valueIndex[leaf] = index + 1
            return column.values[index]
        }
        if node.isListAnnotated, node.children.count == 1, let repeated = node.children.first,
            repeated.repetition == .repeated
        {
            return .list(try readRepeated(repeated) { assembler in try assembler.readListElement(repeated, in: node) })
        }
        if node.isMapAnnotated, node.children.count == 1, let entries = node.children.first,
            entries.repetition == .repeated, !entries.isLeaf, let keyNode = entries.children.first
        {
            let valueNode = entries.children.count > 1 ? entries.children[1] : nil
            var pairs: [ParquetMapEntry] = []
            let keys = try readRepeated(entries) { assembler in
                let key = try assembler.readField(keyNode)
                if let valueNode { pairs.append(ParquetMapEntry(key: key, value: try assembler.readField(valueNode))) }
                return key
            }
            return valueNode == nil ? .list(keys) : .map(pairs)
        }
        var values: [ParquetValue] = []
        values.reserveCapacity(node.children.count)
        for child in node.children { values.append(try readField(child)) }
        return .record(ParquetRecord(names: node.children.map(\.name), values: values))
    }

    /// One element of a LIST-annotated group, with the backward-compatibility rules of LogicalTypes.md.
    private mutating func readListElement(
        _ repeated: ParquetSchemaNode, in list: ParquetSchemaNode
    ) throws
        -> ParquetValue
    {
        if repeated.isLeaf || repeated.children.count > 1 || repeated.name == "array"
            || repeated.name == list.name + "_tuple"
        {
            return try readPresent(repeated)
        }
        return try readField(repeated.children[0])
    }
}
