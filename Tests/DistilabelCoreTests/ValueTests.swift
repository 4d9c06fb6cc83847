import Distilabel
import Testing

@Suite struct ValueTests {
    @Test func jsonRoundTripKeepsIntsDoublesOrderAndText() throws {
        let text =
            #"{"z":1,"a":1.0,"é":"naïve ✓ 日本","list":[null,true,false,-9223372036854775808,1.5e-07],"s":{"b":2,"a":"x"}}"#
        let value = try Value(json: text)
        guard case .struct(let row) = value else {
            Issue.record("expected a struct")
            return
        }
        #expect(row.columns == ["z", "a", "é", "list", "s"])
        #expect(row["z"] == .int(1))
        #expect(row["a"] == .double(1.0))
        #expect(row["é"] == .string("naïve ✓ 日本"))
        #expect(row["list"] == .list([.null, .bool(true), .bool(false), .int(.min), .double(1.5e-07)]))
        #expect(try Value(json: value.jsonString()) == value)
        #expect(value.jsonString().contains("日本"))
    }

    @Test func escapesAndSurrogatePairs() throws {
        let value = try Value(json: #""line\nquote\" tab\t \u00e9 \ud83d\ude00 \\""#)
        #expect(value == .string("line\nquote\" tab\t é 😀 \\"))
        #expect(try Value(json: value.jsonString()) == value)
        #expect(Value.string("\u{01}").jsonString() == #""\u0001""#)
    }

    @Test func pythonNonFiniteNumbers() throws {
        let value = try Value(json: "[NaN, Infinity, -Infinity]")
        guard case .list(let elements) = value, case .double(let nan) = elements[0] else {
            Issue.record("expected a list of doubles")
            return
        }
        #expect(nan.isNaN)
        #expect(elements[1] == .double(.infinity))
        #expect(elements[2] == .double(-.infinity))
    }

    @Test(arguments: ["{", "[1,]", #"{"a" 1}"#, "tru", "1 2", #""abc"#, "{\"a\":1,}"])
    func invalidJSONThrowsWithOffset(_ text: String) {
        #expect(throws: JSONParseError.self) { try Value(json: text) }
    }

    @Test func rowEditing() {
        var row: Row = ["a": 1, "b": "x"]
        row["c"] = 2.5
        row["a"] = nil
        #expect(row.columns == ["b", "c"])
        row.rename("b", to: "c")
        #expect(row == ["c": "x"])
        #expect((["x": 1, "y": 2] as Row).keeping(["y", "missing"]) == ["y": 2])
    }

    @Test func keepingReordersDropsAndIgnoresRepeatedNames() {
        let row: Row = ["x": 1, "y": "two", "z": 3.0]
        #expect(row.keeping(["x", "y", "z"]) == row)
        #expect(row.keeping(["z", "x"]).columns == ["z", "x"])
        #expect(row.keeping(["z", "x"]).values == [3.0, 1])
        #expect(row.keeping(["y", "y", "x"]) == ["y": "two", "x": 1])
        #expect(row.keeping(["y", "missing", "y"]) == ["y": "two"])
        #expect(row.keeping([]) == Row())
    }

    @Test func sha1KnownVectors() {
        #expect(SHA1.hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1.hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(
            SHA1.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(SHA1.hex(String(repeating: "a", count: 1000)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }
}
