import Distilabel
import DistilabelTesting
import Testing

/// The formatting steps, row by row: columns, values and order as Python distilabel 1.5.3 gives them (see
/// `PythonFormattingTests` in DistilabelCLITests for the same rows run through Python itself).
@Suite struct FormattingStepTests {
    static let twoPlusTwoID = "7762ecf17ad41479767061a8f4a7bfa3b63d371672af5180872f9b82b4cd4e29"

    static func turn(_ role: String, _ content: Value) -> Value { ["role": .string(role), "content": content] }

    @Test func textGenerationSFT() async throws {
        let rows: [Row] = [
            ["instruction": "What's 2+2?", "generation": "4"],
            ["system_prompt": "Be brief.", "instruction": "What's 2+2?", "generation": "4"],
            ["instruction": "Hi", "generation": nil, "system_prompt": ""],
            ["instruction": "Hi", "generation": "Hello", "system_prompt": nil],
        ]
        let output = try await FormatTextGenerationSFT().process([rows], context: testContext)
        #expect(output.count == 4)
        #expect(output[0].columns == ["instruction", "generation", "prompt", "prompt_id", "messages"])
        #expect(output[0]["prompt"] == "What's 2+2?")
        #expect(output[0]["prompt_id"] == .string(Self.twoPlusTwoID))
        #expect(output[0]["messages"] == [Self.turn("user", "What's 2+2?"), Self.turn("assistant", "4")])
        #expect(
            output[1]["messages"] == [
                Self.turn("system", "Be brief."), Self.turn("user", "What's 2+2?"), Self.turn("assistant", "4"),
            ])
        // An empty or null system prompt adds no system turn; a null generation is copied as it is.
        #expect(output[2]["messages"] == [Self.turn("user", "Hi"), Self.turn("assistant", nil)])
        #expect(output[3]["messages"] == [Self.turn("user", "Hi"), Self.turn("assistant", "Hello")])
        #expect(output[3].columns == ["instruction", "generation", "system_prompt", "prompt", "prompt_id", "messages"])
    }

    @Test func anExistingColumnKeepsItsPlace() async throws {
        let rows: [Row] = [["prompt": "old", "instruction": "Q", "generation": "A"]]
        let output = try await FormatTextGenerationSFT().process([rows], context: testContext)
        #expect(output[0].columns == ["prompt", "instruction", "generation", "prompt_id", "messages"])
        #expect(output[0]["prompt"] == "Q")
    }

    @Test func aNonStringInstructionFailsTheBatchNamingTheRow() async throws {
        let rows: [Row] = [["instruction": "ok", "generation": "x"], ["instruction": nil, "generation": "x"]]
        do {
            _ = try await FormatTextGenerationSFT().process([rows], context: testContext)
            Issue.record("expected an error")
        } catch let error as PipelineError {
            #expect(
                error
                    == .invalidRow(
                        step: "test_step", row: 1, column: "instruction",
                        reason: "the prompt must be a string to compute prompt_id, got null"))
            #expect("\(error)".hasPrefix("Step 'test_step', row 1, column 'instruction':"))
        }
    }

    @Test func chatGenerationSFT() async throws {
        let conversation: Value = [
            Self.turn("system", "Sys"), Self.turn("user", "What's 2+2?"), Self.turn("assistant", "5?"),
            Self.turn("user", "Sure?"),
        ]
        let rows: [Row] = [["messages": conversation, "generation": "4", "id": 7]]
        let output = try await FormatChatGenerationSFT().process([rows], context: testContext)
        // `messages` is replaced in its place; prompt is the first user turn.
        #expect(output[0].columns == ["messages", "generation", "id", "prompt", "prompt_id"])
        #expect(output[0]["prompt"] == "What's 2+2?")
        #expect(output[0]["prompt_id"] == .string(Self.twoPlusTwoID))
        #expect(output[0]["messages"] == .list(conversation.listValue! + [Self.turn("assistant", "4")]))
    }

    @Test func chatGenerationSFTWithoutAUserTurnFails() async throws {
        let rows: [Row] = [["messages": [Self.turn("system", "Sys")], "generation": "4"]]
        do {
            _ = try await FormatChatGenerationSFT().process([rows], context: testContext)
            Issue.record("expected an error")
        } catch let error as PipelineError {
            guard case .invalidRow(_, 0, "messages", let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reason.contains("got null"))
        }
    }

    @Test func conversationTemplate() async throws {
        let rows: [Row] = [["instruction": "Hello", "response": "Hi"], ["instruction": "Q", "response": nil]]
        let output = try await ConversationTemplate().process([rows], context: testContext)
        #expect(
            output == [
                [
                    "instruction": "Hello", "response": "Hi",
                    "conversation": [Self.turn("user", "Hello"), Self.turn("assistant", "Hi")],
                ],
                [
                    "instruction": "Q", "response": nil,
                    "conversation": [Self.turn("user", "Q"), Self.turn("assistant", nil)],
                ],
            ])
    }

    @Test func textGenerationDPOChoosesTheBestAndTheWorst() async throws {
        let rows: [Row] = [["instruction": "What's 2+2?", "generations": ["4", "5", "6"], "ratings": [1, 0, -1]]]
        let output = try await FormatTextGenerationDPO().process([rows], context: testContext)
        #expect(
            output[0].columns == [
                "instruction", "generations", "ratings", "prompt", "prompt_id", "chosen", "chosen_rating", "rejected",
                "rejected_rating",
            ])
        #expect(output[0]["prompt_id"] == .string(Self.twoPlusTwoID))
        #expect(output[0]["chosen"] == [Self.turn("user", "What's 2+2?"), Self.turn("assistant", "4")])
        #expect(output[0]["chosen_rating"] == 1)
        #expect(output[0]["rejected"] == [Self.turn("user", "What's 2+2?"), Self.turn("assistant", "6")])
        #expect(output[0]["rejected_rating"] == -1)
    }

    @Test func textGenerationDPOWithModelsSystemPromptAndTies() async throws {
        let rows: [Row] = [
            [
                "system_prompt": "Sys", "instruction": "Q", "generations": ["a", "b", "c", "d"],
                "generation_models": ["m0", "m1", "m2", "m3"], "ratings": [2, 5.0, 5, 2.0],
            ],
            ["instruction": "Q", "generations": ["a", "b"], "generation_models": ["m0", "m1"], "ratings": [3, 3]],
        ]
        let output = try await FormatTextGenerationDPO().process([rows], context: testContext)
        // Ties go to the first: 5.0 before 5 for chosen, 2 before 2.0 for rejected; types are kept.
        #expect(
            output[0]["chosen"] == [Self.turn("system", "Sys"), Self.turn("user", "Q"), Self.turn("assistant", "b")])
        #expect(output[0]["chosen_model"] == "m1")
        #expect(output[0]["chosen_rating"] == .double(5))
        #expect(output[0]["rejected_model"] == "m0")
        #expect(output[0]["rejected_rating"] == .int(2))
        #expect(
            Array(output[0].columns.suffix(8)) == [
                "prompt", "prompt_id", "chosen", "chosen_model", "chosen_rating", "rejected", "rejected_model",
                "rejected_rating",
            ])
        // All equal: chosen and rejected are both the first generation.
        #expect(output[1]["chosen"] == output[1]["rejected"])
        #expect(output[1]["chosen_model"] == "m0" && output[1]["rejected_model"] == "m0")
    }

    @Test func aNullRatingAmongSeveralFailsTheBatchAsInPython() async throws {
        for ratings: Value in [[nil, 2], [4, nil], [nil, nil], [1, "2"], []] {
            let rows: [Row] = [["instruction": "Q", "generations": ["a", "b"], "ratings": ratings]]
            do {
                _ = try await FormatTextGenerationDPO().process([rows], context: testContext)
                Issue.record("expected an error for \(ratings)")
            } catch let error as PipelineError {
                guard case .invalidRow(_, 0, "ratings", _) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
            }
        }
        // A single null rating needs no comparison: Python picks it, and so do we.
        let single: [Row] = [["instruction": "Q", "generations": ["a"], "ratings": [nil]]]
        let output = try await FormatTextGenerationDPO().process([single], context: testContext)
        #expect(output[0]["chosen_rating"] == .null && output[0]["rejected_rating"] == .null)
    }

    @Test func aFailedBatchGoesOnWithNullOutputsInAPipeline() async throws {
        let rows: [Row] = [
            ["instruction": "Q1", "generations": ["a", "b"], "ratings": [1, 2]],
            ["instruction": "Q2", "generations": ["a", "b"], "ratings": [nil, 2]],
            ["instruction": "Q3", "generations": ["a", "b"], "ratings": [3, 2]],
        ]
        let pipeline = try Pipeline(name: "dpo-failures", enableMetadata: true) { p in
            p.add(LoadDataFromDicts(rows: rows), name: "load", batchSize: 1)
                >>> p.add(FormatTextGenerationDPO(), name: "dpo", inputBatchSize: 1)
        }
        let output = try await pipeline.run(options: RunOptions(logger: quietLogger))
        #expect(output.rows.count == 3)
        #expect(output.rows[0]["chosen_rating"] == 2 && output.rows[2]["chosen_rating"] == 3)
        let failed = output.rows[1]
        for column in ["prompt", "prompt_id", "chosen", "chosen_model", "chosen_rating", "rejected", "rejected_rating"]
        {
            #expect(failed[column] == .null, "\(column)")
        }
        let message = failed["distilabel_metadata"]?.structValue?["error_dpo"]?.stringValue ?? ""
        #expect(message.contains("row 0, column 'ratings'"))
    }

    @Test func chatGenerationDPO() async throws {
        let conversation: Value = [Self.turn("user", "What's 2+2?")]
        let rows: [Row] = [
            [
                "messages": conversation, "generations": ["4", "5", "6"], "ratings": [0.5, 0.9, 0.1],
                "generation_models": ["a", "b", "c"],
            ]
        ]
        let output = try await FormatChatGenerationDPO().process([rows], context: testContext)
        #expect(output[0]["messages"] == conversation)
        #expect(output[0]["prompt"] == "What's 2+2?")
        #expect(output[0]["prompt_id"] == .string(Self.twoPlusTwoID))
        #expect(output[0]["chosen"] == [Self.turn("user", "What's 2+2?"), Self.turn("assistant", "5")])
        #expect(output[0]["chosen_model"] == "b" && output[0]["chosen_rating"] == 0.9)
        #expect(output[0]["rejected"] == [Self.turn("user", "What's 2+2?"), Self.turn("assistant", "6")])
        #expect(output[0]["rejected_model"] == "c" && output[0]["rejected_rating"] == 0.1)
    }

    @Test func dpoColumnsDependOnGenerationModels() {
        let step = FormatChatGenerationDPO()
        #expect(step.outputs.count == 8)
        let without = step.columns(after: ["messages", "generations", "ratings"])
        #expect(!without.contains("chosen_model") && without.contains("rejected_rating"))
        let with = step.columns(after: ["messages", "generations", "ratings", "generation_models"])
        #expect(with.contains("chosen_model") && with.contains("rejected_model"))
        #expect(
            FormatTextGenerationDPO().inputs.filter(\.isRequired).map(\.name) == [
                "instruction", "generations", "ratings",
            ])
    }

    @Test func mismatchedGenerationsAndModelsNameTheColumn() async throws {
        let cases: [(Row, String)] = [
            (["instruction": "Q", "generations": ["a"], "ratings": [1, 2]], "generations"),
            (
                ["instruction": "Q", "generations": ["a", "b"], "ratings": [1, 2], "generation_models": ["m"]],
                "generation_models"
            ),
            (
                ["instruction": "Q", "generations": ["a", "b"], "ratings": [1, 2], "generation_models": nil],
                "generation_models"
            ),
            (["instruction": "Q", "generations": ["a", "b"], "ratings": nil], "ratings"),
        ]
        for (row, column) in cases {
            do {
                _ = try await FormatTextGenerationDPO().process([[row]], context: testContext)
                Issue.record("expected an error for \(row)")
            } catch let error as PipelineError {
                guard case .invalidRow(_, _, let named, _) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(named == column)
            }
        }
    }
}
