import Distilabel
import DistilabelTesting
import Testing

struct TextGenerationTests {
    @Test func theInstructionIsSentAfterTheSystemPrompt() async throws {
        let log = MockLLM.RequestLog()
        let task = TextGeneration(llm: scripted("Paris.", log: log), systemPrompt: "Be brief.")
        let rows = try await run(task, [["instruction": "Capital of France?"]])
        #expect(rows[0]["generation"] == "Paris.")
        #expect(rows[0]["model_name"] == "mock-model")
        #expect(rows[0].rawInput() == [.system("Be brief."), .user("Capital of France?")])
        #expect(rows[0].metadata("raw_output") == "Paris.")
        #expect(log.requests.map(\.conversation) == [[.system("Be brief."), .user("Capital of France?")]])
        #expect(task.inputs.map(\.name) == ["instruction", "system_prompt"])
    }

    @Test func aRowsSystemPromptWins() async throws {
        let task = TextGeneration(llm: scripted("ok"), systemPrompt: "Default.")
        let rows = try await run(task, [["instruction": "Hi", "system_prompt": "Row's own."]])
        #expect(rows[0].rawInput() == [.system("Row's own."), .user("Hi")])
    }

    @Test func theTemplatesVariablesAreTheInputs() async throws {
        let task = TextGeneration(
            llm: scripted("ok"),
            template: "Answer {{ question }} from:\n{% for doc in docs %}\n- {{ doc }}\n{% endfor %}")
        #expect(task.columns == ["question", "docs"])
        #expect(task.inputs.map(\.name) == ["question", "docs", "system_prompt"])
        let rows = try await run(task, [["question": "Why?", "docs": ["A", "B"]]])
        #expect(rows[0].rawInput() == [.user("Answer Why? from:\n- A\n- B\n")])
    }

    @Test func aMissingTemplateColumnNamesTheStepAndColumn() async throws {
        let task = TextGeneration(llm: scripted("ok"), template: "About {{ topic }}")
        let rows = try await run(task, [["topic": "cats"], ["other": "x"]], step: "writer")
        #expect(rows[0]["generation"] == "ok")
        #expect(rows[1]["generation"] == .null)
        #expect(
            rows[1].metadata("error", step: "writer")
                == "Step 'writer': the row has no value for column 'topic' (used by the template)")
    }

    @Test func aColumnTheTemplateDoesNotReadFailsTheLoad() async throws {
        let task = TextGeneration(llm: scripted("ok"), template: "About {{ topic }}", columns: ["topic", "extra"])
        do {
            _ = try await run(task, [], step: "writer")
            Issue.record("the load succeeded")
        } catch {
            #expect(
                "\(error)"
                    == "TextGeneration 'writer' field 'columns': 'extra' is not used by the template (its variables: topic)"
            )
        }
    }

    @Test func severalGenerationsGroupedOrNot() async throws {
        let grouped = TextGeneration(llm: MockLLM(), numGenerations: 2, groupGenerations: true)
        let rows = try await run(grouped, [["instruction": "Q"]])
        #expect(rows.count == 1)
        #expect(rows[0]["generation"] == ["Response 0 to: Q", "Response 1 to: Q"])
        let split = try await run(TextGeneration(llm: MockLLM(), numGenerations: 2), [["instruction": "Q"]])
        #expect(split.map { $0["generation"] } == ["Response 0 to: Q", "Response 1 to: Q"])
    }
}

struct ChatGenerationTests {
    @Test func theMessagesAreSentAsTheyAre() async throws {
        let messages: Value = [
            ["role": "system", "content": "You are terse."], ["role": "user", "content": "Hi"],
            ["role": "assistant", "content": "Hello."], ["role": "user", "content": "Bye"],
        ]
        let rows = try await run(ChatGeneration(llm: scripted("Goodbye.")), [["messages": messages]])
        #expect(rows[0]["generation"] == "Goodbye.")
        #expect(
            rows[0].rawInput() == [.system("You are terse."), .user("Hi"), .assistant("Hello."), .user("Bye")])
    }

    @Test func malformedConversationsGiveNullAndTheReason() async throws {
        let rows = try await run(
            ChatGeneration(llm: scripted("x")),
            [
                ["messages": [["role": "user", "content": "Hi"], ["role": "assistant", "content": "Hello"]]],
                ["messages": [["role": "robot", "content": "Hi"]]],
                ["messages": "Hi"],
            ], step: "chat")
        #expect(rows.map { $0["generation"] } == [.null, .null, .null])
        #expect(
            rows[0].metadata("error", step: "chat")
                == "Step 'chat': column 'messages': the last message must be the user's")
        #expect(
            rows[1].metadata("error", step: "chat")
                == "Step 'chat': column 'messages': message 0 has role 'robot'; expected system, user or assistant")
        #expect(
            rows[2].metadata("error", step: "chat")
                == "Step 'chat': column 'messages': expected a non-empty list of {role, content}")
    }
}
