public import DistilabelCore

/// Scores the quality of several responses to one instruction (distilabel's `QualityScorer`, after the Deita
/// paper).
///
/// Inputs `instruction` and `responses` (a list). Outputs `scores` (one number per response, parsed from
/// `[1] Score: 4` lines; null where a line is missing) and `model_name`.
public struct QualityScorer: LLMTask {
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

    public var inputs: [InputColumn] { [InputColumn("instruction"), InputColumn("responses")] }
    public var taskOutputs: [String] { ["scores"] }

    static let template = """
        Score how good each response to the question below is: is it helpful, relevant, accurate, deep, creative \
        and detailed enough? Give each response a score from 1 to {{ responses|length }}; give {{ best }} only to \
        a response so good that it could not be improved.

        Answer with one line per response, in order, exactly in this form:
        {% for response in responses %}
        [{{ forloop.counter }}] Score: <score>
        {% endfor %}

        ## Question
        {{ instruction }}

        ## Responses
        {% for response in responses %}
        [{{ forloop.counter }}] {{ response }}
        {% endfor %}
        """

    public func formatInput(_ row: Row) throws -> ChatConversation {
        guard let instruction = row["instruction"], !instruction.isNull else {
            throw TaskError.missingColumn("instruction", usage: "the question the responses answer")
        }
        guard let responses = row["responses"]?.listValue else {
            throw TaskError.missingColumn("responses", usage: "a list of the responses to score")
        }
        return [
            .user(
                try PromptTemplate(Self.template).render([
                    "instruction": instruction, "responses": .list(responses),
                    "best": .int(Int64(responses.count + 1)),
                ]))
        ]
    }

    public func formatOutput(_ text: String?, input: Row) -> Row {
        parseOutput(text, input: input).columns
    }

    public func parseOutput(_ text: String?, input: Row) -> ParsedOutput {
        ScoreList.parse(text, count: input["responses"]?.listValue?.count ?? 0)
    }
}
