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

    /// Starts the next row group once every column buffer was written and emptied.
    mutating func reset() {
        rowCount = 0
    }

    /// Takes already-shredded columns (one per leaf, validated by the caller) as the current row group.
    mutating func adopt(_ buffers: [ColumnBuffer], rowCount: Int) {
        columns = buffers
        self.rowCount = rowCount
    }

    /// Appends rows from the front of `rows` until the row group holds `rowLimit` rows or about `byteLimit` bytes;
    /// returns how many were appended. On error a row may be partly appended: the writer then refuses more rows.
    mutating func append(_ rows: ArraySlice<ParquetRecord>, rowLimit: Int, byteLimit: Int) throws(ParquetError) -> Int {
        var count = rowCount
        let start = rowCount
        let roots = schema.roots
        let leaves = schema.leaves
        defer { rowCount = count }
        try columns.withUnsafeMutableBufferPointer { (buffers) throws(ParquetError) in
            let shredding = Shredding(columns: buffers, leaves: leaves)
            for row in rows {
                guard count < rowLimit else { break }
                if count & 255 == 255, buffers.reduce(0, { $0 + $1.estimatedByteSize }) >= byteLimit { break }
                try shredding.fields(of: row, nodes: roots, parent: nil, definition: 0, repetition: 0)
                count += 1
            }
        }
        return count - start
    }
}

/// One pass of shredding over the column buffers, borrowed as a pointer so that appends skip uniqueness checks on
/// the outer array.
struct Shredding {
    let columns: UnsafeMutableBufferPointer<ColumnBuffer>
    let leaves: [LeafColumn]

    func fields(
        of record: ParquetRecord, nodes: [ShredNode], parent: ShredNode?, definition: Int, repetition: Int
    )
        throws(ParquetError)
    {
        var matched = 0
        let names = record.names
        for index in nodes.indices {
            let node = nodes[index]
            let value: ParquetValue
            if index < names.count, names[index] == node.name {
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
        if matched < names.count {
            let known = Set(nodes.map(\.name))
            let unknown = names.first { !known.contains($0) } ?? "?"
            let path = parent.map { $0.path + "." } ?? ""
            throw .schema(path: path + unknown, reason: "the field is not in the writer's schema")
        }
    }

    func shred(_ value: ParquetValue, node: ShredNode, definition: Int, repetition: Int) throws(ParquetError) {
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
            try fields(
                of: record, nodes: children, parent: node, definition: definition, repetition: repetition)
        case .list(let element, let repetitionLevel):
            guard case .list(let items) = value else { throw mismatch(node, "a list", value) }
            if items.isEmpty {
                appendEmpty(node.leaves, definition: definition, repetition: repetition)
                return
            }
            var level = repetition
            for item in items {
                try shred(item, node: element, definition: definition + 1, repetition: level)
                level = repetitionLevel
            }
        case .map(let key, let valueNode, let repetitionLevel):
            guard case .map(let entries) = value else { throw mismatch(node, "a map", value) }
            if entries.isEmpty {
                appendEmpty(node.leaves, definition: definition, repetition: repetition)
                return
            }
            var level = repetition
            for entry in entries {
                try shred(entry.key, node: key, definition: definition + 1, repetition: level)
                try shred(entry.value, node: valueNode, definition: definition + 1, repetition: level)
                level = repetitionLevel
            }
        }
    }

    private func appendEmpty(_ range: Range<Int>, definition: Int, repetition: Int) {
        for index in range {
            columns[index].appendLevels(
                definition: definition, repetition: repetition, hasRepetition: leaves[index].maxRepetitionLevel > 0)
        }
    }

    private func mismatch(_ node: ShredNode, _ expected: String, _ value: ParquetValue) -> ParquetError {
        .schema(path: node.path, reason: "the schema expects \(expected) but a row holds \(value.kindName)")
    }
}
