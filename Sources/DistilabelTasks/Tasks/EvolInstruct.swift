public import DistilabelCore

/// Makes instructions more complex in several rounds of rewriting (distilabel's `EvolInstruct`, after WizardLM).
///
/// Input `instruction`. Each of ``numEvolutions`` rounds rewrites the latest version with a mutation chosen from
/// ``mutations``; the choice depends only on ``seed``, the round and the original instruction — never on batching
/// or timing — so a resumed run sends exactly the same requests. Outputs `evolved_instruction` (or, with
/// ``storeEvolutions``, `evolved_instructions`: every round's version), with ``generateAnswers`` also `answer`
/// (`answers`), and `model_name`. A row whose generation fails gets nulls and the reason in `error_<step>`.
public struct EvolInstruct: LLMTask {
    public var llm: any LLM
    public var generationKwargs: Row
    public var numGenerations: Int { 1 }
    public var groupGenerations: Bool { false }
    public var numEvolutions: Int
    public var storeEvolutions: Bool
    public var generateAnswers: Bool
    /// With ``storeEvolutions``: whether `evolved_instructions` starts with the original instruction.
    public var includeOriginalInstruction: Bool
    public var mutations: [EvolMutation]
    /// Seeds the choice of mutations (a runtime parameter, as in distilabel).
    public var seed: Int

    public init(
        llm: any LLM, numEvolutions: Int, storeEvolutions: Bool = false, generateAnswers: Bool = false,
        includeOriginalInstruction: Bool = false, mutations: [EvolMutation] = EvolMutation.defaults, seed: Int = 42,
        generationKwargs: Row = Row()
    ) {
        self.llm = llm
        self.numEvolutions = numEvolutions
        self.storeEvolutions = storeEvolutions
        self.generateAnswers = generateAnswers
        self.includeOriginalInstruction = includeOriginalInstruction
        self.mutations = mutations
        self.seed = seed
        self.generationKwargs = generationKwargs
    }

    public var inputs: [InputColumn] { [InputColumn("instruction")] }

    public var taskOutputs: [String] {
        let evolved = storeEvolutions ? "evolved_instructions" : "evolved_instruction"
        guard generateAnswers else { return [evolved] }
        return [evolved, storeEvolutions ? "answers" : "answer"]
    }

    public var taskConfiguration: Row {
        [
            "num_evolutions": .int(Int64(numEvolutions)), "store_evolutions": .bool(storeEvolutions),
            "generate_answers": .bool(generateAnswers),
            "include_original_instruction": .bool(includeOriginalInstruction),
            "mutation_templates": .struct(Row(mutations.map { ($0.name, .string($0.template)) })),
            "seed": .int(Int64(seed)),
        ]
    }

    public var runtimeParameters: [RuntimeParameterInfo] {
        let seedInfo = RuntimeParameterInfo(
            name: "seed", description: "Seeds the choice of the mutation applied in each evolution round.")
        return [seedInfo] + llmRuntimeParameters
    }

    public mutating func applyRuntimeParameters(_ values: Row) throws {
        if let value = values["seed"] {
            guard let seed = value.intValue else {
                throw PipelineError.invalidRuntimeParameter(
                    step: "EvolInstruct", parameter: "seed", reason: "expected an integer, found \(value.kindName)")
            }
            self.seed = Int(seed)
        }
        try applyLLMRuntimeParameters(values)
    }

    public mutating func load(context: StepContext) async throws {
        guard numEvolutions >= 1, !mutations.isEmpty else {
            throw TaskError.invalidConfiguration(
                task: "EvolInstruct '\(context.stepName)'",
                field: numEvolutions < 1 ? "num_evolutions" : "mutation_templates",
                reason: numEvolutions < 1 ? "must be at least 1" : "needs at least one mutation")
        }
        try await llm.load(context: context)
    }

    /// The mutation for `round` (0-based) of `instruction`: a hash of the seed, the round and the instruction.
    public func mutation(round: Int, instruction: String) -> EvolMutation {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array("\(seed)\u{0}\(round)\u{0}\(instruction)".utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return mutations[Int(hash % UInt64(mutations.count))]
    }

    public func formatInput(_ row: Row) throws -> ChatConversation {
        guard let instruction = row["instruction"]?.stringValue else {
            throw TaskError.missingColumn("instruction", usage: "a string: the instruction to evolve")
        }
        return [.user(mutation(round: 0, instruction: instruction).prompt(for: instruction))]
    }

    public func formatOutput(_ text: String?, input: Row) -> Row {
        [taskOutputs[0]: text.flatMap(EvolMutation.instruction(in:)).map(Value.string) ?? .null]
    }
}
