import Distilabel
import DistilabelTesting
import Testing

struct ScorerTests {
    @Test func qualityScoresAreParsedByIndex() async throws {
        let log = MockLLM.RequestLog()
        let answer = "Here you go:\n[2] Score: 1\n[1] Score: 3.5\n"
        let rows = try await run(
            QualityScorer(llm: scripted(answer, log: log)),
            [["instruction": "Why?", "responses": ["Because.", "No."]]])
        #expect(rows[0]["scores"] == [3.5, 1.0])
        #expect(rows[0].metadata("error") == nil)
        let prompt = try #require(log.requests.first?.conversation.last?.content)
        #expect(
            prompt == """
                Score how good each response to the question below is: is it helpful, relevant, accurate, deep, \
                creative and detailed enough? Give each response a score from 1 to 2; give 3 only to a response so \
                good that it could not be improved.

                Answer with one line per response, in order, exactly in this form:
                [1] Score: <score>
                [2] Score: <score>

                ## Question
                Why?

                ## Responses
                [1] Because.
                [2] No.

                """)
    }

    @Test func complexityScoresAndTheirPrompt() async throws {
        let log = MockLLM.RequestLog()
        let rows = try await run(
            ComplexityScorer(llm: scripted("[1] Score: 2\n[2] Score: 4", log: log)),
            [["instructions": ["Add 1 and 1.", "Prove P != NP."]]])
        #expect(rows[0]["scores"] == [2.0, 4.0])
        let prompt = try #require(log.requests.first?.conversation.last?.content)
        #expect(
            prompt == """
                Score how difficult and complex each of the questions below is to answer well, from 1 (simplest) to \
                2; give 3 to a question too complex for you to answer.

                Answer with one line per question, in order, exactly in this form:
                [1] Score: <score>
                [2] Score: <score>

                ## Questions
                [1] Add 1 and 1.
                [2] Prove P != NP.

                """)
    }

    @Test func unindexedScoreLinesAreTakenInOrder() async throws {
        let rows = try await run(ComplexityScorer(llm: scripted("Score: 3\nScore: 1")), [["instructions": ["a", "b"]]])
        #expect(rows[0]["scores"] == [3.0, 1.0])
    }

    @Test func aMissingScoreIsNullWithTheReason() async throws {
        let rows = try await run(
            QualityScorer(llm: scripted("[1] Score: 2\n[3] Score: excellent")),
            [["instruction": "Q", "responses": ["a", "b", "c"]]])
        #expect(rows[0]["scores"] == [2.0, .null, .null])
        #expect(rows[0].metadata("raw_output") == "[1] Score: 2\n[3] Score: excellent")
        #expect(rows[0].metadata("error") == "could not parse a score for items 2, 3")
    }
}
