public import DistilabelCore

/// One configuration (subset) of a ``Distiset``: the output of one leaf step, with its splits.
public struct DistisetConfiguration: Sendable, Hashable {
    /// The configuration's name: the leaf step's name, or `default` when the Distiset has only one.
    public var name: String
    /// The splits in order (`train` first).
    public var splits: [DistisetSplit]

    /// A configuration named `name` with `splits`.
    public init(name: String, splits: [DistisetSplit]) {
        self.name = name
        self.splits = splits
    }

    /// A configuration named `name` whose only split, `train`, holds `rows`.
    public init(name: String, rows: [Row]) {
        self.init(name: name, splits: [DistisetSplit(name: "train", rows: rows)])
    }

    /// The split named `split`, if any.
    public subscript(split: String) -> DistisetSplit? {
        splits.first { $0.name == split }
    }

    /// The split names, in order.
    public var splitNames: [String] { splits.map(\.name) }

    /// The number of rows over all splits.
    public var count: Int { splits.reduce(0) { $0 + $1.count } }

    /// Every column that appears in some row of some split, in order of first appearance.
    public var columnNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for split in splits {
            for column in split.columnNames where seen.insert(column).inserted { names.append(column) }
        }
        return names
    }
}
