import Distilabel
import DistilabelTesting
import Testing

struct StructuredGenerationTests {
    static let schema: Value = [
        "title": "Person", "type": "object",
        "properties": ["name": ["type": "string"], "age": ["type": "integer", "minimum": 0]],
        "required": ["name", "age"],
    ]

    @Test func theSchemaReachesTheLLMAndConformingJSONIsKept() async throws {
        let log = MockLLM.RequestLog()
        let task = StructuredGeneration(llm: scripted("```json\n{\"name\": \"Ada\", \"age\": 36}\n```", log: log))
        let rows = try await run(
            task,
            [
                ["instruction": "Invent a person.", "structured_output": ["format": "json", "schema": Self.schema]],
                ["instruction": "Another.", "structured_output": .string(Self.schema.jsonString())],
            ])
        #expect(
            rows.map { $0["generation"] } == ["{\"name\": \"Ada\", \"age\": 36}", "{\"name\": \"Ada\", \"age\": 36}"])
        #expect(log.requests.map(\.options.structuredOutput) == [Self.schema, Self.schema])
        #expect(
            log.requests[0].conversation == [
                .user(
                    "Invent a person.\n\nAnswer with JSON only, following this JSON schema:\n\(Self.schema.jsonString())"
                )
            ])
    }

    @Test func rowsWithDifferentSchemasAreGeneratedWithTheirOwn() async throws {
        let other: Value = ["type": "object", "properties": ["id": ["type": "integer"]]]
        let log = MockLLM.RequestLog()
        let rows = try await run(
            StructuredGeneration(llm: scripted("{\"id\": 1}", log: log)),
            [
                ["instruction": "a", "structured_output": Self.schema],
                ["instruction": "b", "structured_output": other],
            ])
        let bySchema = Dictionary(
            uniqueKeysWithValues: log.requests.map {
                ($0.conversation[0].content.prefix(1), $0.options.structuredOutput)
            })
        #expect(bySchema["a"] == Self.schema)
        #expect(bySchema["b"] == other)
        #expect(rows[0]["generation"] == .null)
        #expect(
            rows[0].metadata("error") == "the answer does not follow the schema: $: missing required property 'name'")
        #expect(rows[1]["generation"] == "{\"id\": 1}")
    }

    @Test func nonConformingOrInvalidJSONGivesNullTheRawOutputAndTheReason() async throws {
        let wrongType = try await run(
            StructuredGeneration(llm: scripted("{\"name\": \"Ada\", \"age\": -1}")),
            [["instruction": "x", "structured_output": Self.schema]])
        #expect(wrongType[0]["generation"] == .null)
        #expect(wrongType[0].metadata("raw_output") == "{\"name\": \"Ada\", \"age\": -1}")
        #expect(wrongType[0].metadata("error") == "the answer does not follow the schema: $.age: below 0.0")
        let notJSON = try await run(
            StructuredGeneration(llm: scripted("Sure! Ada, 36.")),
            [["instruction": "x", "structured_output": Self.schema]])
        #expect(notJSON[0]["generation"] == .null)
        #expect((notJSON[0].metadata("error")?.stringValue ?? "").hasPrefix("the answer is not JSON: "))
    }

    @Test func aMissingSchemaNamesTheStepAndColumn() async throws {
        let rows = try await run(
            StructuredGeneration(llm: scripted("{}")), [["instruction": "x", "structured_output": nil]], step: "gen")
        #expect(rows[0]["generation"] == .null)
        #expect(
            rows[0].metadata("error", step: "gen")
                == "Step 'gen': the row has no value for column 'structured_output' (the JSON schema to follow)")
    }
}
