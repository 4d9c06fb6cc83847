/// Rows kept column by column: a large inline dataset costs little more than its values.
///
/// Consecutive rows with the same columns form a run that stores each column once: integers and doubles in plain
/// arrays, strings as one UTF-8 buffer with end offsets, and anything else (nulls, booleans, lists, structs, or a
/// column whose values change kind) as ``Value``s. A million rows of an integer and a short string take about 26 MB
/// here, against about 140 MB as an array of ``Row``s. Rows are rebuilt on demand, equal to the ones stored.
public struct InlineRows: Sendable, Hashable {
    /// Consecutive rows with the same column names.
    struct Run: Sendable, Hashable {
        var columns: [String]
        var start: Int
        var count: Int
        var storage: [InlineColumn]
    }

    private(set) var runs: [Run] = []
    /// The number of rows.
    public private(set) var count: Int = 0

    /// Stores `rows`, consuming the sequence once: a lazy sequence never exists in memory as rows.
    public init(_ rows: some Sequence<Row>) {
        for row in rows { append(row) }
        shrinkToFit()
    }

    /// Gives back the spare capacity of the column arrays (done once the initializer's rows are read).
    public mutating func shrinkToFit() {
        for run in runs.indices {
            for column in runs[run].storage.indices { runs[run].storage[column].shrinkToFit() }
        }
    }

    /// Appends one row.
    public mutating func append(_ row: Row) {
        if runs.isEmpty || runs[runs.count - 1].columns != row.columns {
            runs.append(
                Run(
                    columns: row.columns, start: count, count: 0,
                    storage: Array(repeating: InlineColumn(), count: row.count)))
        }
        let last = runs.count - 1
        for index in 0..<row.count {
            runs[last].storage[index].append(row.values[index])
        }
        runs[last].count += 1
        count += 1
    }

    /// Whether there are no rows.
    public var isEmpty: Bool { count == 0 }

    /// The row at `index`.
    public subscript(index: Int) -> Row {
        precondition(index >= 0 && index < count, "row index \(index) out of range 0..<\(count)")
        let run = runs[runIndex(containing: index)]
        return run.row(at: index - run.start)
    }

    /// The rows in `range` (clamped to the rows there are), in order.
    public func rows(in range: Range<Int>) -> [Row] {
        let range = range.clamped(to: 0..<count)
        guard !range.isEmpty else { return [] }
        var result: [Row] = []
        result.reserveCapacity(range.count)
        var runIndex = runIndex(containing: range.lowerBound)
        var index = range.lowerBound
        while index < range.upperBound {
            let run = runs[runIndex]
            let end = Swift.min(range.upperBound, run.start + run.count)
            for position in (index - run.start)..<(end - run.start) { result.append(run.row(at: position)) }
            index = end
            runIndex += 1
        }
        return result
    }

    /// Every row, in order.
    public var allRows: [Row] { rows(in: 0..<count) }

    /// The distinct column names of the first `limit` rows, in order of appearance.
    public func columnNames(inFirst limit: Int) -> [String] {
        var names: [String] = []
        for run in runs where run.start < limit {
            for column in run.columns where !names.contains(column) { names.append(column) }
        }
        return names
    }

    /// Calls `body` once per row, in order, with the row's column names and a function reading its value in a
    /// column, without building the rows.
    public func forEachRow(_ body: (_ columns: [String], _ value: (_ column: Int) -> Value) throws -> Void) rethrows {
        for run in runs {
            for position in 0..<run.count {
                try body(run.columns) { run.storage[$0].value(at: position) }
            }
        }
    }

    /// Calls `body` with each row's compact JSON (the bytes of ``Value/writeJSON(to:)`` of the row as a struct),
    /// without building the rows.
    public func forEachJSONLine(_ body: (ArraySlice<UInt8>) throws -> Void) rethrows {
        var line: [UInt8] = []
        line.reserveCapacity(256)
        for run in runs {
            var keys: [[UInt8]] = []
            for column in run.columns {
                var key: [UInt8] = []
                Value.writeJSONString(column, to: &key)
                keys.append(key)
            }
            for position in 0..<run.count {
                line.removeAll(keepingCapacity: true)
                line.append(UInt8(ascii: "{"))
                for index in 0..<keys.count {
                    if index > 0 { line.append(UInt8(ascii: ",")) }
                    line.append(contentsOf: keys[index])
                    line.append(UInt8(ascii: ":"))
                    run.storage[index].writeJSON(at: position, to: &line)
                }
                line.append(UInt8(ascii: "}"))
                try body(line[...])
            }
        }
    }

    private func runIndex(containing index: Int) -> Int {
        var low = 0
        var high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].start <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

extension InlineRows.Run {
    func row(at position: Int) -> Row {
        var values: [Value] = []
        values.reserveCapacity(storage.count)
        for column in storage { values.append(column.value(at: position)) }
        return Row(columns: columns, values: values)
    }
}

extension InlineRows: Sequence {
    /// Rebuilds the rows one at a time.
    public struct Iterator: IteratorProtocol {
        let rows: InlineRows
        var run = 0
        var position = 0

        public mutating func next() -> Row? {
            while run < rows.runs.count {
                if position < rows.runs[run].count {
                    position += 1
                    return rows.runs[run].row(at: position - 1)
                }
                run += 1
                position = 0
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(rows: self) }

    public var underestimatedCount: Int { count }
}
