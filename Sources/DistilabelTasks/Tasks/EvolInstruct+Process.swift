public import DistilabelCore

extension EvolInstruct {
    /// One row's progress through the rounds.
    private struct Evolution {
        var original: String
        var versions: [String]
        var rawOutputs: [Value] = []
        var lastConversation: ChatConversation = []
        var inputTokens: [Int] = []
        var outputTokens: [Int] = []
        var error: String?
        var answers: [String?] = []
    }

    public func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] {
        let rows = inputs.flatMap { $0 }
        var evolutions: [Evolution] = rows.map { row in
            guard let instruction = row["instruction"]?.stringValue else {
                return Evolution(
                    original: "", versions: [],
                    error:
                        "Step '\(context.stepName)': \(TaskError.missingColumn("instruction", usage: "a string: the instruction to evolve"))"
                )
            }
            return Evolution(original: instruction, versions: [instruction])
        }
        let options = GenerationOptions(kwargs: generationKwargs, numGenerations: 1)
        for round in 0..<numEvolutions {
            let active = evolutions.indices.filter { evolutions[$0].error == nil }
            if active.isEmpty { break }
            let conversations: [ChatConversation] = active.map { index in
                let evolution = evolutions[index]
                let current = evolution.versions[evolution.versions.count - 1]
                return [.user(mutation(round: round, instruction: evolution.original).prompt(for: current))]
            }
            let generated = try await llm.generate(conversations, options: options)
            for (position, index) in active.enumerated() {
                let generation = position < generated.count ? generated[position] : LLMGenerations(texts: [])
                let text = generation.texts.first ?? nil
                evolutions[index].lastConversation = conversations[position]
                evolutions[index].rawOutputs.append(text.map(Value.string) ?? .null)
                evolutions[index].inputTokens += generation.statistics.inputTokens
                evolutions[index].outputTokens += generation.statistics.outputTokens
                if let evolved = text.flatMap(EvolMutation.instruction(in:)) {
                    evolutions[index].versions.append(evolved)
                } else {
                    evolutions[index].error =
                        generation.error ?? "evolution round \(round + 1): the reply holds no instruction"
                }
            }
        }
        if generateAnswers { try await answer(&evolutions, options: options) }
        return zip(rows, evolutions).map { row, evolution in output(row, evolution, step: context.stepName) }
    }

    /// The versions that are outputs: the last, or every round's (after the original unless it is included).
    private func outputVersions(_ evolution: Evolution) -> [String] {
        guard storeEvolutions else { return evolution.versions.last.map { [$0] } ?? [] }
        return includeOriginalInstruction ? evolution.versions : Array(evolution.versions.dropFirst())
    }

    private func answer(_ evolutions: inout [Evolution], options: GenerationOptions) async throws {
        var owners: [(Int, Int)] = []
        var conversations: [ChatConversation] = []
        for index in evolutions.indices where evolutions[index].error == nil {
            let versions = outputVersions(evolutions[index])
            evolutions[index].answers = Array(repeating: nil, count: versions.count)
            for (slot, version) in versions.enumerated() {
                owners.append((index, slot))
                conversations.append([.user(version)])
            }
        }
        if conversations.isEmpty { return }
        let generated = try await llm.generate(conversations, options: options)
        for ((index, slot), generation) in zip(owners, generated) {
            evolutions[index].answers[slot] = generation.texts.first ?? nil
            evolutions[index].inputTokens += generation.statistics.inputTokens
            evolutions[index].outputTokens += generation.statistics.outputTokens
            if (generation.texts.first ?? nil) == nil, evolutions[index].error == nil {
                evolutions[index].error = generation.error ?? "no answer was generated"
            }
        }
    }

    private func output(_ row: Row, _ evolution: Evolution, step: String) -> Row {
        var result = row
        let failed = evolution.error != nil && evolution.versions.count <= numEvolutions
        let versions = outputVersions(evolution)
        if storeEvolutions {
            result["evolved_instructions"] = failed ? .null : .list(versions.map(Value.string))
        } else {
            result["evolved_instruction"] = failed ? .null : versions.last.map(Value.string) ?? .null
        }
        if generateAnswers {
            let answers = evolution.answers.map { $0.map(Value.string) ?? .null }
            if storeEvolutions {
                result["answers"] = failed ? .null : .list(answers)
            } else {
                result["answer"] = failed ? .null : answers.last ?? .null
            }
        }
        result["model_name"] = .string(llm.modelName)
        var metadata = row[MetadataColumn.name]?.structValue ?? Row()
        metadata["raw_input_\(step)"] = .list(
            evolution.lastConversation.map { ["role": .string($0.role), "content": .string($0.content)] })
        metadata["raw_output_\(step)"] = .list(evolution.rawOutputs)
        metadata["statistics_\(step)"] = [
            "input_tokens": .list(evolution.inputTokens.map { .int(Int64($0)) }),
            "output_tokens": .list(evolution.outputTokens.map { .int(Int64($0)) }),
        ]
        if let error = evolution.error { metadata["error_\(step)"] = .string(error) }
        result[MetadataColumn.name] = .struct(metadata)
        return result
    }
}
