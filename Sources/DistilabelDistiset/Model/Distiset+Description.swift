extension Distiset: CustomStringConvertible {
    /// A summary in the spirit of Python's `Distiset.__repr__`: each configuration with its splits, columns and row
    /// counts, one per line.
    ///
    /// ```
    /// Distiset with 2 configurations:
    ///   keep_columns: train (23 rows); columns: id, instruction, score
    ///   keep_ids: train (23 rows); columns: id
    /// ```
    public var description: String {
        var lines = ["Distiset with \(count) configuration\(count == 1 ? "" : "s")\(isEmpty ? "" : ":")"]
        for configuration in configurations {
            let splits = configuration.splits.map { "\($0.name) (\($0.count) row\($0.count == 1 ? "" : "s"))" }
            lines.append(
                "  \(configuration.name): \(splits.joined(separator: ", ")); columns: "
                    + configuration.columnNames.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
