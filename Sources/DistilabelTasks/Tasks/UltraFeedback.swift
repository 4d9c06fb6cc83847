public import DistilabelCore

/// Rates several generations for one instruction on an ``UltraFeedbackAspect`` (distilabel's `UltraFeedback`).
///
/// Inputs `instruction` and `generations` (a list of texts). Outputs `ratings` and `rationales` (one per
/// generation), plus `types` and `rationales-for-ratings` for `helpfulness` and `truthfulness`, and `model_name`.
/// The answer is parsed per text (`Rating: 4`, `Rationale: …`); what cannot be parsed is null, the raw answer is
/// kept in `distilabel_metadata` and the reason in `error_<step>`.
public struct UltraFeedback: LLMTask {
    public var llm: any LLM
    public var generationKwargs: Row
    public var numGenerations: Int
    public var groupGenerations: Bool
    public var aspect: UltraFeedbackAspect

    public init(
        llm: any LLM, aspect: UltraFeedbackAspect = .overallRating, numGenerations: Int = 1,
        groupGenerations: Bool = false, generationKwargs: Row = Row()
    ) {
        self.llm = llm
        self.aspect = aspect
        self.numGenerations = numGenerations
        self.groupGenerations = groupGenerations
        self.generationKwargs = generationKwargs
    }

    public var inputs: [InputColumn] { [InputColumn("instruction"), InputColumn("generations")] }
    public var taskOutputs: [String] { aspect.outputColumns }
    public var taskConfiguration: Row { ["aspect": .string(aspect.rawValue)] }

    static let systemPrompt = """
        You review texts written in answer to an instruction. You receive the instruction and {count} texts. \
        Judge each text on its own, only on the criterion you are given, and give every text a rating with a short \
        rationale. Follow the answer format exactly.
        """

    static let template = """
        {{ rubric }}

        # Answer format
        For every text, in order, write one block as below, with a blank line between blocks.
        {% for generation in generations %}
        #### Text {{ forloop.counter }}
        {% if typed %}Type: <the numbers of the types that apply, or None>
        Rationale: <why those types, in one or two sentences>
        {% endif %}Rating: <a whole number from 1 to 5>
        Rationale: <why this rating, in one or two sentences>
        {% endfor %}

        # Instruction
        {{ instruction }}

        # Texts
        {% for generation in generations %}
        <text {{ forloop.counter }}>
        {{ generation }}
        </text {{ forloop.counter }}>
        {% endfor %}

        # Your review
        """

    public func formatInput(_ row: Row) throws -> ChatConversation {
        guard let instruction = row["instruction"], !instruction.isNull else {
            throw TaskError.missingColumn("instruction", usage: "the instruction the texts answer")
        }
        guard let generations = row["generations"]?.listValue else {
            throw TaskError.missingColumn("generations", usage: "a list of the texts to rate")
        }
        let user = try PromptTemplate(Self.template).render([
            "rubric": .string(aspect.rubric), "typed": .bool(aspect.hasTypes), "instruction": instruction,
            "generations": .list(generations),
        ])
        let system = Self.systemPrompt.replacingOccurrences(of: "{count}", with: String(generations.count))
        return [.system(system), .user(user)]
    }

    public func formatOutput(_ text: String?, input: Row) -> Row {
        parseOutput(text, input: input).columns
    }

    public func parseOutput(_ text: String?, input: Row) -> ParsedOutput {
        let count = input["generations"]?.listValue?.count ?? 0
        let blocks =
            text.map { UltraFeedbackAnswer.blocks(in: $0, count: count) } ?? Array(repeating: nil, count: count)
        var columns = Row()
        for name in aspect.outputColumns {
            columns[name] = .list(
                blocks.map { block -> Value in
                    guard let block else { return .null }
                    switch name {
                    case "ratings": return block.rating.map { .int(Int64($0)) } ?? .null
                    case "types": return block.type.map { .int(Int64($0)) } ?? .null
                    case "rationales": return block.rationales.first.map(Value.string) ?? .null
                    default: return block.rationales.dropFirst().first.map(Value.string) ?? .null
                    }
                })
        }
        guard text != nil else { return ParsedOutput(columns: columns) }
        return ParsedOutput(
            columns: columns, error: AnswerParsing.missingItems(blocks.map { $0?.rating }, what: "a rating"))
    }
}
