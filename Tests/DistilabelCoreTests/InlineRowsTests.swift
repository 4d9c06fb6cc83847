import Distilabel
import Testing

@Suite struct InlineRowsTests {
    /// Rows of every kind of value, a column that changes kind halfway, and runs with different columns.
    static let awkwardRows: [Row] = {
        var rows: [Row] = []
        for index in 0..<40 {
            var row = Row()
            row["id"] = .int(Int64(index) - 20)
            row["text"] = .string(index % 7 == 0 ? "" : "ligne \(index) — “quoted” \"q\" \\ \n\t\u{01}é😀")
            row["score"] = index == 25 ? .int(3) : .double(Double(index) / 3)
            if index >= 30 { row["extra"] = index % 2 == 0 ? .null : .bool(true) }
            if index % 10 == 9 {
                row["nested"] = .list([.struct(["a": .int(Int64.min), "b": .list([])]), .string("x")])
            }
            rows.append(row)
        }
        rows.append(Row())
        rows.append(["id": .int(Int64.max)])
        return rows
    }()

    @Test func rowsComeBackEqualInOrder() {
        let stored = InlineRows(Self.awkwardRows)
        #expect(stored.count == Self.awkwardRows.count)
        #expect(stored.allRows == Self.awkwardRows)
        #expect(Array(stored) == Self.awkwardRows)
        for index in [0, 9, 25, 30, 39, 40, 41] { #expect(stored[index] == Self.awkwardRows[index]) }
        #expect(stored.rows(in: 5..<33) == Array(Self.awkwardRows[5..<33]))
        #expect(stored.rows(in: 38..<100) == Array(Self.awkwardRows[38...]))
        #expect(stored.rows(in: 50..<60).isEmpty)
        #expect(stored.columnNames(inFirst: 1000) == ["id", "text", "score", "nested", "extra"])
    }

    @Test func aLazySequenceIsReadOnce() {
        let stored = InlineRows((0..<1000).lazy.map { ["n": .int(Int64($0)), "s": .string("row \($0)")] as Row })
        #expect(stored.count == 1000)
        #expect(stored[999] == ["n": 999, "s": "row 999"])
        #expect(stored.rows(in: 10..<12) == [["n": 10, "s": "row 10"], ["n": 11, "s": "row 11"]])
    }

    @Test func jsonLinesAreTheBytesOfTheStringWriter() {
        let stored = InlineRows(Self.awkwardRows)
        var lines: [String] = []
        stored.forEachJSONLine { lines.append(String(decoding: $0, as: UTF8.self)) }
        #expect(lines == Self.awkwardRows.map { Value.struct($0).jsonString() })
    }

    @Test func byteJSONEqualsStringJSON() {
        let values: [Value] = [
            .null, .bool(false), .int(0), .int(-7), .int(Int64.min), .int(Int64.max), .double(1), .double(-0.5),
            .double(1e300), .double(.nan), .double(-.infinity), .string("\u{00}\u{1f}\u{7f}\"\\/\u{2028}é"),
            .list([.string("a"), .list([]), .struct(Row())]), .struct(["k\"ey": .string("v"), "é": .int(1)]),
        ]
        for value in values {
            var bytes: [UInt8] = []
            value.writeJSON(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == value.jsonString(), "\(value)")
        }
    }

    @Test func theFingerprintIsTheSHA1OfTheRowsJSONLines() async throws {
        // The algorithm of signature version 1: changing it would orphan every existing cache.
        var hasher = SHA1()
        for row in Self.awkwardRows {
            hasher.update(Value.struct(row).jsonString())
            hasher.update([0x0A])
        }
        let expected = hasher.hexDigest()
        #expect(try await LoadDataFromDicts(rows: Self.awkwardRows).dataFingerprint() == expected)
        let other = try await LoadDataFromDicts(rows: Self.awkwardRows.dropLast()).dataFingerprint()
        #expect(other != expected)
    }

    @Test func batchesAreSlicesOfTheRows() async throws {
        let load = LoadDataFromDicts(rows: Self.awkwardRows)
        #expect(load.totalRows == 42)
        let batch = try await load.batch(offset: 40, size: 5, context: testContext)
        #expect(batch.rows == Array(Self.awkwardRows[40...]))
        #expect(batch.isLast)
        let middle = try await load.batch(offset: 10, size: 5, context: testContext)
        #expect(middle.rows == Array(Self.awkwardRows[10..<15]) && !middle.isLast)
    }
}
