/// Turns rows into the definition levels, repetition levels and values of each leaf column (Dremel shredding).
struct RowShredder: Sendable {
    let schema: WriterSchema
    var columns: [ColumnBuffer]
    private(set) var rowCount = 0

    init(schema: WriterSchema) {
        self.schema = schema
        columns = Array(repeating: ColumnBuffer(), count: schema.leaves.count)
    }

    var estimatedByteSize: Int { columns.reduce(0) { $0 + $1.estimatedByteSize } }

    /// Empties the buffers after a row group was written.
    mutating func reset() {
        columns = Array(repeating: ColumnBuffer(), count: schema.leaves.count)
        rowCount = 0
    }

    /// Appends one row. On error the row may be partly appended: the writer then refuses further rows.
    mutating func append(_ row: ParquetRecord) throws(ParquetError) {
        try shredFields(of: row, nodes: schema.roots, path: "", definition: 0, repetition: 0)
        rowCount += 1
    }

    private mutating func shredFields(
        of record: ParquetRecord, nodes: [ShredNode], path: String, definition: Int, repetition: Int
    ) throws(ParquetError) {
        var matched = 0
        for (index, node) in nodes.enumerated() {
            let value: ParquetValue
            if index < record.names.count, record.names[index] == node.name {
                value = record.values[index]
                matched += 1
            } else if let found = record[node.name] {
                value = found
                matched += 1
            } else {
                value = .null
            }
            try shred(value, node: node, definition: definition, repetition: repetition)
        }
        if matched < record.names.count {
            let known = Set(nodes.map(\.name))
            let unknown = record.names.first { !known.contains($0) } ?? "?"
            throw .schema(path: path + unknown, reason: "the field is not in the writer's schema")
        }
    }

    private mutating func shred(
        _ value: ParquetValue, node: ShredNode, definition: Int, repetition: Int
    )
        throws(ParquetError)
    {
        if case .null = value {
            guard node.isNullable else { throw .schema(path: node.path, reason: "the field is required but is null") }
            appendEmpty(node.leaves, definition: definition, repetition: repetition)
            return
        }
        let definition = definition + (node.isNullable ? 1 : 0)
        switch node.kind {
        case .leaf(let index, let kind, let hasRepetition):
            columns[index].appendLevels(definition: definition, repetition: repetition, hasRepetition: hasRepetition)
            try append(value, to: index, kind: kind, node: node)
        case .record(let children):
            guard case .record(let record) = value else { throw mismatch(node, "a struct", value) }
            try shredFields(
                of: record, nodes: children, path: node.path + ".", definition: definition, repetition: repetition)
        case .list(let element, let repetitionLevel):
            guard case .list(let items) = value else { throw mismatch(node, "a list", value) }
            if items.isEmpty {
                appendEmpty(node.leaves, definition: definition, repetition: repetition)
                return
            }
            for (index, item) in items.enumerated() {
                try shred(
                    item, node: element, definition: definition + 1,
                    repetition: index == 0 ? repetition : repetitionLevel)
            }
        case .map(let key, let valueNode, let repetitionLevel):
            guard case .map(let entries) = value else { throw mismatch(node, "a map", value) }
            if entries.isEmpty {
                appendEmpty(node.leaves, definition: definition, repetition: repetition)
                return
            }
            for (index, entry) in entries.enumerated() {
                let level = index == 0 ? repetition : repetitionLevel
                try shred(entry.key, node: key, definition: definition + 1, repetition: level)
                try shred(entry.value, node: valueNode, definition: definition + 1, repetition: level)
            }
        }
    }

    private mutating func appendEmpty(_ leaves: Range<Int>, definition: Int, repetition: Int) {
        for index in leaves {
            columns[index].appendLevels(
                definition: definition, repetition: repetition,
                hasRepetition: schema.leaves[index].maxRepetitionLevel > 0)
        }
    }

    private func mismatch(_ node: ShredNode, _ expected: String, _ value: ParquetValue) -> ParquetError {
        .schema(path: node.path, reason: "the schema expects \(expected) but a row holds \(value.kindName)")
    }
}
