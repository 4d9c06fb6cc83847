import Distilabel
import DistilabelTesting
import Testing

struct SelfInstructTests {
    @Test func queriesAreOnePerLineWithoutListMarkers() async throws {
        let log = MockLLM.RequestLog()
        let task = SelfInstruct(
            llm: scripted("1. What is yeast?\n- How hot should the oven be?\n\n3) Explain kneading.", log: log),
            numInstructions: 3, criteriaForQueryGeneration: "Be varied.", applicationDescription: "A baking bot")
        let rows = try await run(task, [["input": "Bread baking"]])
        #expect(rows[0]["instructions"] == ["What is yeast?", "How hot should the oven be?", "Explain kneading."])
        #expect(rows[0]["model_name"] == "mock-model")
        let prompt = try #require(log.requests.first?.conversation)
        #expect(
            prompt == [
                .user(
                    """
                    You write realistic queries that users could send to an AI application, inspired by a context.

                    Write 3 different queries for the application below, drawn from the context.

                    ## Criteria
                    Be varied.

                    ## Application
                    A baking bot

                    ## Context
                    Bread baking

                    Answer with the queries only, one per line: no numbering, bullets or blank lines.
                    """)
            ])
        #expect(
            task.configuration.keeping(["num_instructions", "application_description"])
                == ["num_instructions": 3, "application_description": "A baking bot"])
    }

    @Test func anEmptyAnswerIsNullWithTheReason() async throws {
        let rows = try await run(SelfInstruct(llm: scripted("\n  \n")), [["input": "x"]])
        #expect(rows[0]["instructions"] == .null)
        #expect(rows[0].metadata("raw_output") == "\n  \n")
        #expect(rows[0].metadata("error") == "the answer holds no query")
    }
}
