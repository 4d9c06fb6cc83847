/// Rebuilds nested rows from the definition and repetition levels of leaf columns (Dremel record assembly).
///
/// Each leaf has a cursor over its entries. Reading a node consumes the entries of every leaf under it; an absent
/// (null or empty) node consumes exactly one entry per leaf. LIST and MAP annotations, the legacy two-level list,
/// and unannotated repeated fields are handled as described in LogicalTypes.md.
struct RecordAssembler {
    // Indexed by leaf index; separate arrays so that reads never copy a column. `counts` is -1 for leaves outside
    // the projection.
    private let definitionLevels: [[UInt8]]
    private let repetitionLevels: [[UInt8]]
    private let values: [[ParquetValue]]
    private let counts: [Int]
    private var entry: [Int]
    private var valueIndex: [Int]
    private let maxDefinition: [Int]
    private let names: [String]

    init(columns: [Int: ColumnData], leaves: [ParquetSchemaNode]) {
        var definitionLevels = [[UInt8]](repeating: [], count: leaves.count)
        var repetitionLevels = [[UInt8]](repeating: [], count: leaves.count)
        var values = [[ParquetValue]](repeating: [], count: leaves.count)
        var counts = [Int](repeating: -1, count: leaves.count)
        for (index, column) in columns where index < leaves.count {
            definitionLevels[index] = column.definitionLevels
            repetitionLevels[index] = column.repetitionLevels
            values[index] = column.values
            counts[index] = column.count
        }
        self.definitionLevels = definitionLevels
        self.repetitionLevels = repetitionLevels
        self.values = values
        self.counts = counts
        self.maxDefinition = leaves.map(\.maxDefinitionLevel)
        self.names = leaves.map { $0.path.joined(separator: ".") }
        self.entry = Array(repeating: 0, count: leaves.count)
        self.valueIndex = Array(repeating: 0, count: leaves.count)
    }

    private func corrupt(_ leaf: Int, _ reason: String) -> ParquetError {
        .inconsistentLevels(column: leaf < names.count ? names[leaf] : "#\(leaf)", reason: reason)
    }

    /// Assembles `rowCount` rows of the top-level `fields`.
    mutating func assemble(fields schemaFields: [ParquetSchemaNode], rowCount: Int) throws -> [ParquetRecord] {
        var rows: [ParquetRecord] = []
        rows.reserveCapacity(rowCount)
        let names = schemaFields.map(\.name)
        let fields = schemaFields.map(AssemblyNode.init)
        // Top-level leaf columns (most columns of a table) are read whole instead of row by row.
        var flat: [[ParquetValue]] = []
        var flatIndex: [Int] = []
        for field in fields {
            if let column = try flatColumn(field, rowCount: rowCount) {
                flatIndex.append(flat.count)
                flat.append(column)
            } else {
                flatIndex.append(-1)
            }
        }
        for row in 0..<rowCount {
            var record: [ParquetValue] = []
            record.reserveCapacity(fields.count)
            for (position, field) in fields.enumerated() {
                if flatIndex[position] >= 0 {
                    record.append(flat[flatIndex[position]][row])
                    continue
                }
                for leaf in field.leafIndices {
                    let index = entry[leaf]
                    guard index < counts[leaf] else {
                        throw corrupt(leaf, "the column ends before row \(row) of \(rowCount)")
                    }
                    if !repetitionLevels[leaf].isEmpty && repetitionLevels[leaf][index] != 0 {
                        throw corrupt(leaf, "the repetition level at the start of row \(row) is not 0")
                    }
                }
                record.append(try readField(field))
            }
            rows.append(ParquetRecord(names: names, values: record))
        }
        for leaf in counts.indices where counts[leaf] >= 0 {
            guard entry[leaf] != counts[leaf] || valueIndex[leaf] != values[leaf].count else { continue }
            throw corrupt(
                leaf,
                "levels and values do not match the row count: \(entry[leaf]) of \(counts[leaf]) levels and "
                    + "\(valueIndex[leaf]) of \(values[leaf].count) values used for \(rowCount) rows")
        }
        return rows
    }

    /// The values of a top-level, non-repeated leaf field for every row, or `nil` for other fields. Checks what
    /// ``readField(_:)`` checks, with the same messages.
    private mutating func flatColumn(_ node: AssemblyNode, rowCount: Int) throws -> [ParquetValue]? {
        guard case .leaf(let leaf) = node.shape, node.repetition != .repeated, node.maxRepetitionLevel == 0,
            leaf < counts.count, counts[leaf] >= 0, entry[leaf] == 0, valueIndex[leaf] == 0
        else { return nil }
        guard counts[leaf] >= rowCount else {
            throw corrupt(leaf, "the column ends before row \(counts[leaf]) of \(rowCount)")
        }
        let levels = definitionLevels[leaf]
        let columnValues = values[leaf]
        let maximum = node.maxDefinitionLevel
        var result: [ParquetValue] = []
        var next = 0
        if levels.isEmpty {
            guard columnValues.count >= rowCount else {
                throw corrupt(leaf, "more non-null values are needed than the page holds")
            }
            result = Array(columnValues.prefix(rowCount))
            next = rowCount
        } else {
            result.reserveCapacity(rowCount)
            let optional = node.repetition == .optional
            for row in 0..<rowCount {
                let level = Int(levels[row])
                if level < maximum && optional {
                    result.append(.null)
                    continue
                }
                guard level == maximum else {
                    throw corrupt(leaf, "definition level \(level) where \(maximum) is required")
                }
                guard next < columnValues.count else {
                    throw corrupt(leaf, "more non-null values are needed than the page holds")
                }
                result.append(columnValues[next])
                next += 1
            }
        }
        entry[leaf] = rowCount
        valueIndex[leaf] = next
        return result
    }

    // MARK: Level access

    private func definition(_ leaf: Int) throws -> Int {
        let index = entry[leaf]
        guard index < counts[leaf] else { throw corrupt(leaf, "more values are needed than the column holds") }
        return definitionLevels[leaf].isEmpty ? maxDefinition[leaf] : Int(definitionLevels[leaf][index])
    }

    private func nextRepetition(_ leaf: Int) -> Int? {
        let index = entry[leaf]
        guard index < counts[leaf] else { return nil }
        return repetitionLevels[leaf].isEmpty ? 0 : Int(repetitionLevels[leaf][index])
    }

    /// Consumes one entry of every leaf under `node` (the node is null or an empty list).
    private mutating func skipAbsent(_ node: AssemblyNode) throws {
        for leaf in node.leafIndices {
            let level = try definition(leaf)
            if level >= node.maxDefinitionLevel {
                throw corrupt(leaf, "definition level \(level) contradicts an absent '\(node.name)'")
            }
            entry[leaf] += 1
        }
    }

    private func firstLeaf(_ node: AssemblyNode) throws -> Int {
        guard let leaf = node.leafIndices.first, leaf < counts.count else {
            throw ParquetError.malformedMetadata(field: "schema.\(node.name)", reason: "a group without leaf columns")
        }
        return leaf
    }

    // MARK: Nodes

    /// A field as its parent sees it: repeated fields become lists, optional ones may be null.
    private mutating func readField(_ node: AssemblyNode) throws -> ParquetValue {
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
        _ node: AssemblyNode, element: (inout RecordAssembler) throws -> ParquetValue
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
    private mutating func readPresent(_ node: AssemblyNode) throws -> ParquetValue {
        switch node.shape {
        case .leaf(let leaf):
            let level = try definition(leaf)
            guard level == node.maxDefinitionLevel else {
                throw corrupt(leaf, "definition level \(level) where \(node.maxDefinitionLevel) is required")
            }
            let index = valueIndex[leaf]
            guard index < values[leaf].count else {
                throw corrupt(leaf, "more non-null values are needed than the page holds")
            }
            entry[leaf] += 1
            valueIndex[leaf] = index + 1
            return values[leaf][index]
        case .list(let repeated, let element):
            return .list(
                try readRepeated(repeated) { assembler in
                    if let element { return try assembler.readField(element) }
                    return try assembler.readPresent(repeated)
                })
        case .map(let entries, let key, let value):
            var pairs: [ParquetMapEntry] = []
            let keys = try readRepeated(entries) { assembler in
                let keyValue = try assembler.readField(key)
                if let value { pairs.append(ParquetMapEntry(key: keyValue, value: try assembler.readField(value))) }
                return keyValue
            }
            return value == nil ? .list(keys) : .map(pairs)
        case .record(let children, let names):
            var fields: [ParquetValue] = []
            fields.reserveCapacity(children.count)
            for child in children { fields.append(try readField(child)) }
            return .record(ParquetRecord(names: names, values: fields))
        }
    }
}
