/// A generator over rows given inline.
///
/// Consecutive rows with the same columns share one list of column names, so a large inline dataset costs little
/// more than its values.
public struct LoadDataFromDicts: GeneratorStep {
    /// The rows, in order.
    public var rows: [Row]

    public init(rows: [Row]) {
        var rows = rows
        var shared: [String] = []
        for index in rows.indices {
            if rows[index].columns == shared {
                rows[index] = Row(columns: shared, values: rows[index].values)
            } else {
                shared = rows[index].columns
            }
        }
        self.rows = rows
    }

    public var outputs: [String] {
        var columns: [String] = []
        for row in rows.prefix(1000) {
            for column in row.columns where !columns.contains(column) { columns.append(column) }
        }
        return columns
    }

    public func columns(after available: [String]) -> [String] { outputs }

    public var totalRows: Int? { rows.count }

    /// The rows' content is in the signature: changing the data recomputes the pipeline.
    public func dataFingerprint() async throws -> String? {
        var hasher = SHA1()
        var line = ""
        for row in rows {
            line.removeAll(keepingCapacity: true)
            Value.struct(row).writeJSON(to: &line)
            hasher.update(line)
            hasher.update([0x0A])
        }
        return hasher.hexDigest()
    }

    public func batch(offset: Int, size: Int, context: StepContext) async throws -> GeneratedBatch {
        let start = min(offset, rows.count)
        let end = min(offset + size, rows.count)
        return GeneratedBatch(rows: Array(rows[start..<end]), isLast: end >= rows.count)
    }
}
