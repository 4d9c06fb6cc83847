import LLMClients
import Testing

private let schema: JSONValue = [
    "type": "object",
    "properties": [
        "name": ["type": "string", "minLength": 1],
        "score": ["type": "integer", "minimum": 1, "maximum": 5],
        "tags": ["type": "array", "items": ["type": "string"], "maxItems": 2],
        "kind": ["enum": ["a", "b"]],
    ],
    "required": ["name", "score"],
    "additionalProperties": false,
]

@Test(arguments: [
    #"{"name": "x", "score": 3}"#,
    #"{"name": "x", "score": 5, "tags": ["p", "q"], "kind": "b"}"#,
])
func conformingRepliesPass(_ text: String) {
    #expect(JSONSchemaValidator(schema: schema).firstViolation(inText: text) == nil)
}

@Test(arguments: [
    (#"not json"#, "not valid JSON"),
    (#"{"score": 3}"#, "missing the required property \"name\""),
    (#"{"name": "x", "score": "3"}"#, "$.score should be integer"),
    (#"{"name": "x", "score": 9}"#, "$.score violates maximum"),
    (#"{"name": "", "score": 1}"#, "$.name violates minLength"),
    (#"{"name": "x", "score": 1, "tags": ["a", 2]}"#, "$.tags[1] should be string"),
    (#"{"name": "x", "score": 1, "tags": ["a", "b", "c"]}"#, "$.tags violates maxItems"),
    (#"{"name": "x", "score": 1, "kind": "c"}"#, "$.kind is not one of the allowed values"),
    (#"{"name": "x", "score": 1, "extra": 1}"#, "unexpected property \"extra\""),
    (#"[1]"#, "$ should be object"),
])
func violationsNameTheirPath(_ text: String, _ expected: String) throws {
    let violation = try #require(JSONSchemaValidator(schema: schema).firstViolation(inText: text))
    #expect(violation.contains(expected))
}
