public import DistilabelCore

/// Scores how complex several instructions are (distilabel's `ComplexityScorer`, after the Deita paper).
///
/// Input `instructions` (a list). Outputs `scores` (one number per instruction, parsed from `[1] Score: 4` lines;
/// null where a line is missing) and `model_name`.
public struct ComplexityScorer: LLMTask {
    public var llm: any LLM
    public var generationKwargs: Row
    public var numGenerations: Int
    public var groupGenerations: Bool

    public init(
        llm: any LLM, numGenerations: Int = 1, groupGenerations: Bool = false, generationKwargs: Row = Row()
    ) {
        self.llm = llm
        self.numGenerations = numGenerations
        self.groupGenerations = groupGenerations
        self.generationKwargs = generationKwargs
    }

    public var inputs: [InputColumn] { [InputColumn("instructions")] }
    public var taskOutputs: [String] { ["scores"] }

    static let template = """
        Score how difficult and complex each of the questions below is to answer well, from 1 (simplest) to \
        {{ instructions|length }}; give {{ hardest }} to a question too complex for you to answer.

        Answer with one line per question, in order, exactly in this form:
        {% for instruction in instructions %}
        [{{ forloop.counter }}] Score: <score>
        {% endfor %}

        ## Questions
        {% for instruction in instructions %}
        [{{ forloop.counter }}] {{ instruction }}
        {% endfor %}
        """

    public func formatInput(_ row: Row) throws -> ChatConversation {
        guard let instructions = row["instructions"]?.listValue else {
            throw TaskError.missingColumn("instructions", usage: "a list of the instructions to score")
        }
        return [
            .user(
                try PromptTemplate(Self.template).render([
                    "instructions": .list(instructions), "hardest": .int(Int64(instructions.count + 1)),
                ]))
        ]
    }

    public func formatOutput(_ text: String?, input: Row) -> Row {
        parseOutput(text, input: input).columns
    }

    public func parseOutput(_ text: String?, input: Row) -> ParsedOutput {
        ScoreList.parse(text, count: input["instructions"]?.listValue?.count ?? 0)
    }
}
