import DistilabelCore

/// Indented JSON for dataset cards, optionally shortened so that a sample row stays readable: strings past 500
/// characters and lists past 10 elements are cut, with a note of how much was left out.
enum PrettyJSON {
    static func render(_ value: Value, truncating: Bool) -> String {
        var out = ""
        write(value, indent: 0, truncating: truncating, to: &out)
        return out
    }

    private static func write(_ value: Value, indent: Int, truncating: Bool, to out: inout String) {
        let pad = String(repeating: "    ", count: indent + 1)
        let closing = String(repeating: "    ", count: indent)
        switch value {
        case .string(let text) where truncating && text.count > 500:
            out += Value.string(String(text.prefix(500)) + "… (\(text.count - 500) more characters)").jsonString()
        case .list(let items) where !items.isEmpty:
            let shown = truncating ? Array(items.prefix(10)) : items
            out += "[\n"
            for (index, item) in shown.enumerated() {
                out += pad
                write(item, indent: indent + 1, truncating: truncating, to: &out)
                out += index < shown.count - 1 || shown.count < items.count ? ",\n" : "\n"
            }
            if shown.count < items.count { out += pad + "\"… \(items.count - shown.count) more elements\"\n" }
            out += closing + "]"
        case .struct(let row) where !row.isEmpty:
            out += "{\n"
            for (index, (column, item)) in row.pairs.enumerated() {
                out += pad + Value.string(column).jsonString() + ": "
                write(item, indent: indent + 1, truncating: truncating, to: &out)
                out += index < row.count - 1 ? ",\n" : "\n"
            }
            out += closing + "}"
        default:
            out += value.jsonString()
        }
    }
}
