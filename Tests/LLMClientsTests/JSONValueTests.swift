import LLMClients
import Testing

@Test func canonicalJSONSortsKeysAndEscapes() {
    let value: JSONValue = ["b": [1, 2.5, true, nil], "a": "quote \" backslash \\ newline \n tab \t \u{01}"]
    #expect(value.canonicalJSON == #"{"a":"quote \" backslash \\ newline \n tab \t \u0001","b":[1,2.5,true,null]}"#)
}

@Test func canonicalJSONRoundTripsThroughTheParser() throws {
    let value: JSONValue = ["name": "Ünïcode ✓", "nested": ["x": [1, -2, 3.25]], "flag": false, "none": nil]
    let parsed = try #require(JSONValue(parsing: value.canonicalJSON))
    #expect(parsed == value)
    #expect(parsed.canonicalJSON == value.canonicalJSON)
}

@Test func parserKeepsBooleansApartFromNumbers() throws {
    let parsed = try #require(JSONValue(parsing: #"{"t": true, "one": 1, "half": 0.5}"#))
    #expect(parsed["t"] == .bool(true))
    #expect(parsed["one"] == .integer(1))
    #expect(parsed["half"] == .number(0.5))
    #expect(JSONValue(parsing: "{not json") == nil)
}
