import DistilabelCore
import Yams

/// Conversions between ``Value`` and Yams nodes, keeping mapping order.
enum YAMLValue {
    /// The value a node holds: plain scalars are resolved as YAML 1.1 core types, quoted ones are strings.
    static func value(_ node: Node) -> Value {
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(Value.bool) ?? .string(scalar.string)
            case .int: return node.int.map { .int(Int64($0)) } ?? .string(scalar.string)
            case .float: return node.float.map(Value.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            return .struct(Row(mapping.map { (key: $0.key.string ?? "\($0.key)", value: value($0.value)) }))
        case .sequence(let sequence):
            return .list(sequence.map(value))
        case .alias:
            return .null
        }
    }

    /// The node that writes `value`; strings that would read back as another type are quoted.
    static func node(_ value: Value) -> Node {
        switch value {
        case .null: return Node("null", Tag(.null))
        case .bool(let bool): return .scalar(bool.represented())
        case .int(let int): return Node(String(int), Tag(.int))
        case .double(let double): return Node(floatText(double), Tag(.float))
        case .string(let string):
            if string.contains("\n") {
                return .scalar(Node.Scalar(string, Tag(.str), .literal))
            }
            return .scalar(string.represented())
        case .list(let elements): return .sequence(Node.Sequence(elements.map(node)))
        case .struct(let row): return mapping(row)
        }
    }

    /// A float as YAML 1.1 (and so PyYAML) reads it back: `0.7`, `1.0e-05`, `.inf`, `.nan`.
    static func floatText(_ double: Double) -> String {
        if double.isNaN { return ".nan" }
        if double.isInfinite { return double < 0 ? "-.inf" : ".inf" }
        var text = "\(double)"
        if !text.contains("."), let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            text.insert(contentsOf: ".0", at: exponent)
        }
        return text
    }

    /// A mapping node with the row's columns in order.
    static func mapping(_ row: Row) -> Node {
        .mapping(Node.Mapping(row.pairs.map { (Node($0.0), node($0.1)) }))
    }
}
