import Distilabel
import DistilabelTesting
import Testing

struct UltraFeedbackTests {
    static let input: Row = ["instruction": "2+2?", "generations": ["4", "a car", "5"]]

    @Test func ratingsAndRationalesAreParsedPerText() async throws {
        let answer = """
            #### Text 1
            Rating: 5
            Rationale: Correct.

            #### Text 2
            **Rating:** 1
            **Rationale:** Unrelated,
            and wrong.

            #### Text 3
            Rating: 2/5
            Rationale: Off by one.
            """
        let rows = try await run(UltraFeedback(llm: scripted(answer)), [Self.input])
        #expect(rows[0]["ratings"] == [5, 1, 2])
        #expect(rows[0]["rationales"] == ["Correct.", "Unrelated,\nand wrong.", "Off by one."])
        #expect(rows[0].metadata("raw_output") == .string(answer))
        #expect(rows[0].metadata("error") == nil)
        let messages = rows[0].rawInput()
        #expect(messages.count == 2)
        #expect(messages[0].role == "system")
        #expect(messages[0].content.contains("the instruction and 3 texts"))
        #expect(messages[1].content.hasPrefix("# What to judge: overall quality\n"))
        #expect(
            messages[1].content.contains(
                "#### Text 1\nRating: <a whole number from 1 to 5>\nRationale: <why this rating, in one or two sentences>\n#### Text 2"
            ))
        #expect(
            messages[1].content.hasSuffix(
                "# Instruction\n2+2?\n\n# Texts\n<text 1>\n4\n</text 1>\n<text 2>\na car\n</text 2>\n<text 3>\n5\n</text 3>\n\n# Your review"
            ))
    }

    @Test func typedAspectsGiveTypesAndRationalesForRatings() async throws {
        let answer = """
            Text 1:
            Type: 1, 2
            Rationale: Clear and useful.
            Rating: 4
            Rationale: Accurate.

            Text 2:
            Type: None
            Rationale: Off topic.
            Rating: 1
            Rationale: Misleading.
            """
        let task = UltraFeedback(llm: scripted(answer), aspect: .helpfulness)
        #expect(task.outputs == ["types", "rationales", "ratings", "rationales-for-ratings", "model_name"])
        let rows = try await run(task, [["instruction": "Q", "generations": ["a", "b"]]])
        #expect(rows[0]["types"] == [1, .null])
        #expect(rows[0]["rationales"] == ["Clear and useful.", "Off topic."])
        #expect(rows[0]["ratings"] == [4, 1])
        #expect(rows[0]["rationales-for-ratings"] == ["Accurate.", "Misleading."])
        #expect(rows[0].rawInput()[1].content.contains("Type: <the numbers of the types that apply, or None>"))
    }

    @Test func blocksSeparatedOnlyByBlankLinesAreParsed() async throws {
        let answer = "Rating: 3\nRationale: Fine.\n\nRating: N/A\nRationale: Empty text."
        let rows = try await run(
            UltraFeedback(llm: scripted(answer)), [["instruction": "Q", "generations": ["a", ""]]])
        #expect(rows[0]["ratings"] == [3, .null])
        #expect(rows[0]["rationales"] == ["Fine.", "Empty text."])
        #expect(rows[0].metadata("error") == "could not parse a rating for item 2")
    }

    @Test func anUnparseableAnswerGivesNullsTheRawOutputAndTheReason() async throws {
        let rows = try await run(UltraFeedback(llm: scripted("I cannot rate these.")), [Self.input])
        #expect(rows[0]["ratings"] == [.null, .null, .null])
        #expect(rows[0]["rationales"] == [.null, .null, .null])
        #expect(rows[0].metadata("raw_output") == "I cannot rate these.")
        #expect(rows[0].metadata("error") == "could not parse a rating for items 1, 2, 3")
    }

    @Test func aFailedGenerationGivesNullsAndTheLLMsError() async throws {
        let llm = MockLLM(failRowWhenContains: "2+2?")
        let rows = try await run(UltraFeedback(llm: llm), [Self.input])
        #expect(rows[0]["ratings"] == [.null, .null, .null])
        #expect(rows[0].metadata("error") == "scripted row failure")
    }
}
