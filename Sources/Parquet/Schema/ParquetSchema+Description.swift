extension ParquetSchema: CustomStringConvertible {
    /// The tree, one node per line, in the style of parquet-tools:
    /// `optional group messages (LIST)` / `  repeated group list` / `    optional binary element (STRING)`.
    public var description: String {
        var lines: [String] = []
        Self.describe(root, indent: 0, into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func describe(_ node: ParquetSchemaNode, indent: Int, into lines: inout [String]) {
        var line = String(repeating: "  ", count: indent) + "\(node.repetition.description.lowercased()) "
        line += node.physicalType.map { $0.description.lowercased() } ?? "group"
        if let length = node.typeLength, node.physicalType == .fixedLenByteArray { line += "(\(length))" }
        line += " \(node.name)"
        if let logical = node.logicalType {
            line += " (\(logical))"
        } else if let converted = node.convertedType {
            line += " (\(converted))"
        }
        lines.append(line)
        for child in node.children { describe(child, indent: indent + 1, into: &lines) }
    }
}
