/// Expands list columns into one row per element: a row whose `generations` holds three texts becomes three rows,
/// each with one text in `generation` (the target name), the other columns copied.
public struct ExpandColumns: ProcessingStep {
    /// List column → column that receives each element (the same name to expand in place).
    public var columnsToExpand: [(source: String, target: String)]

    /// Expands each of `columns` in place.
    public init(_ columns: [String]) {
        self.columnsToExpand = columns.map { ($0, $0) }
    }

    /// Expands each key's list into the value's column.
    public init(mapping: [(String, String)]) {
        self.columnsToExpand = mapping.map { (source: $0.0, target: $0.1) }
    }

    public var inputs: [InputColumn] { columnsToExpand.map { InputColumn($0.source) } }
    public var outputs: [String] { columnsToExpand.map(\.target) }
    public var configuration: Row {
        ["columns": .struct(Row(columnsToExpand.map { ($0.source, Value.string($0.target)) }))]
    }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        var result: [Row] = []
        for row in inputs.flatMap({ $0 }) {
            var expanded = [row]
            for (source, target) in columnsToExpand {
                let elements = row[source]?.listValue ?? [row[source] ?? .null]
                var next: [Row] = []
                for (index, element) in elements.enumerated() {
                    var copy = index < expanded.count ? expanded[index] : row
                    if source != target { copy.removeValue(forColumn: source) }
                    copy[target] = element
                    next.append(copy)
                }
                // Zip semantics: extra expanded rows from earlier columns are kept with this column null.
                if expanded.count > elements.count {
                    for index in elements.count..<expanded.count {
                        var copy = expanded[index]
                        copy[target] = .null
                        next.append(copy)
                    }
                }
                expanded = next
            }
            result.append(contentsOf: expanded)
        }
        return result
    }
}
