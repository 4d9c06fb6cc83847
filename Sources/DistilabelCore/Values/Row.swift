/// An ordered map from column name to ``Value``: one row of a dataset, or the fields of a struct value.
///
/// Rows are small (a handful of columns), so lookups scan the column names. Rows built from the same column list
/// share its storage.
public struct Row: Sendable, Hashable {
    /// The column names, in order.
    public private(set) var columns: [String]
    /// The values, one per column, in the same order.
    public private(set) var values: [Value]

    /// A row with no columns.
    public init() {
        columns = []
        values = []
    }

    /// A row from `(column, value)` pairs in order; a repeated column keeps its last value at its first place.
    public init(_ pairs: [(String, Value)]) {
        self.init()
        columns.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (column, value) in pairs { self[column] = value }
    }

    /// A row from parallel arrays of distinct column names and values.
    public init(columns: [String], values: [Value]) {
        precondition(columns.count == values.count, "a row needs one value per column")
        self.columns = columns
        self.values = values
    }

    /// The number of columns.
    public var count: Int { columns.count }

    /// Whether the row has no columns.
    public var isEmpty: Bool { columns.isEmpty }

    /// The index of `column`, or `nil`.
    public func index(of column: String) -> Int? {
        columns.firstIndex(of: column)
    }

    /// Whether the row has `column` (even with a null value).
    public func contains(_ column: String) -> Bool {
        index(of: column) != nil
    }

    /// The value of `column`; `nil` when the row has no such column. Setting `nil` removes the column; setting a
    /// value for a new column appends it.
    public subscript(column: String) -> Value? {
        get {
            guard let index = index(of: column) else { return nil }
            return values[index]
        }
        set {
            if let index = index(of: column) {
                if let newValue {
                    values[index] = newValue
                } else {
                    columns.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                columns.append(column)
                values.append(newValue)
            }
        }
    }

    /// Removes `column` and returns its value.
    @discardableResult
    public mutating func removeValue(forColumn column: String) -> Value? {
        guard let index = index(of: column) else { return nil }
        columns.remove(at: index)
        return values.remove(at: index)
    }

    /// Renames `column` to `newName` in place, replacing any column already named `newName`.
    public mutating func rename(_ column: String, to newName: String) {
        guard column != newName, let index = index(of: column) else { return }
        if let existing = self.index(of: newName) {
            values[existing] = values[index]
            columns.remove(at: index)
            values.remove(at: index)
        } else {
            columns[index] = newName
        }
    }

    /// The `(column, value)` pairs in order.
    public var pairs: [(String, Value)] {
        Array(zip(columns, values))
    }

    /// A row with only `columns`, in that order; columns the row lacks are left out.
    ///
    /// When the row has every selected column, the result shares `selected`'s storage for its column names, so
    /// that the rows of a batch kept the same way share one array.
    public func keeping(_ selected: [String]) -> Row {
        if columns == selected { return Row(columns: selected, values: values) }
        var kept: [Value] = []
        kept.reserveCapacity(selected.count)
        var missing = false
        for column in selected {
            if let value = self[column] { kept.append(value) } else { missing = true }
        }
        guard missing || Self.repeatsAName(selected) else { return Row(columns: selected, values: kept) }
        var result = Row()
        for column in selected {
            if let value = self[column] { result[column] = value }
        }
        return result
    }

    private static func repeatsAName(_ names: [String]) -> Bool {
        for index in names.indices.dropFirst() where names[..<index].contains(names[index]) { return true }
        return false
    }

    /// This row with the columns of `other` set on it (other's values win).
    public func merging(_ other: Row) -> Row {
        var result = self
        for (column, value) in zip(other.columns, other.values) { result[column] = value }
        return result
    }
}

extension Row: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements.map { ($0.0, $0.1) })
    }
}

extension Row: CustomStringConvertible {
    /// The row as a compact JSON object.
    public var description: String { Value.struct(self).jsonString() }
}
