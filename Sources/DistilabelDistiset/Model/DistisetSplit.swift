public import DistilabelCore

/// One split of a ``DistisetConfiguration`` (`train`, or `train` and `test` after
/// ``Distiset/trainTestSplit(trainSize:seed:)``): its rows in order.
public struct DistisetSplit: Sendable, Hashable {
    /// The split's name, such as `train`.
    public var name: String
    /// The rows, in generator order.
    public var rows: [Row]

    /// A split named `name` holding `rows`.
    public init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }

    /// The number of rows.
    public var count: Int { rows.count }

    /// Every column that appears in some row, in order of first appearance.
    public var columnNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for row in rows {
            for column in row.columns where seen.insert(column).inserted { names.append(column) }
        }
        return names
    }
}
