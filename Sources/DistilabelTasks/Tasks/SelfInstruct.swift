public import DistilabelCore

/// Writes new user queries from a seed text (distilabel's `SelfInstruct`, after the Self-Instruct paper).
///
/// Input `input` (the seed). Outputs `instructions` (a list: one query per non-empty line of the answer, with any
/// list markers removed) and `model_name`. An answer with no query gives null and the reason in `error_<step>`.
public struct SelfInstruct: LLMTask {
    public var llm: any LLM
    public var generationKwargs: Row
    public var numGenerations: Int
    public var groupGenerations: Bool
    /// How many queries to ask for.
    public var numInstructions: Int
    /// What makes a good query, stated in the prompt.
    public var criteriaForQueryGeneration: String
    /// The application the queries are for.
    public var applicationDescription: String

    /// The default criteria.
    public static let defaultCriteria = """
        Vary the verbs and sentence structures; do not reuse the same opening.
        Keep each query to one or two sentences that a text-only AI model can answer.
        Make each query understandable on its own, without the context.
        Mix questions ("Why does x happen?") with requests ("Explain how x works.").
        """

    public init(
        llm: any LLM, numInstructions: Int = 5, criteriaForQueryGeneration: String = Self.defaultCriteria,
        applicationDescription: String = "AI assistant", numGenerations: Int = 1, groupGenerations: Bool = false,
        generationKwargs: Row = Row()
    ) {
        self.llm = llm
        self.numInstructions = numInstructions
        self.criteriaForQueryGeneration = criteriaForQueryGeneration
        self.applicationDescription = applicationDescription
        self.numGenerations = numGenerations
        self.groupGenerations = groupGenerations
        self.generationKwargs = generationKwargs
    }

    public var inputs: [InputColumn] { [InputColumn("input")] }
    public var taskOutputs: [String] { ["instructions"] }
    public var taskConfiguration: Row {
        [
            "num_instructions": .int(Int64(numInstructions)),
            "criteria_for_query_generation": .string(criteriaForQueryGeneration),
            "application_description": .string(applicationDescription),
        ]
    }

    static let template = """
        You write realistic queries that users could send to an AI application, inspired by a context.

        Write {{ count }} different queries for the application below, drawn from the context.

        ## Criteria
        {{ criteria }}

        ## Application
        {{ application }}

        ## Context
        {{ input }}

        Answer with the queries only, one per line: no numbering, bullets or blank lines.
        """

    public func formatInput(_ row: Row) throws -> ChatConversation {
        guard let input = row["input"], !input.isNull else {
            throw TaskError.missingColumn("input", usage: "the seed text")
        }
        let prompt = try PromptTemplate(Self.template).render([
            "count": .int(Int64(numInstructions)), "criteria": .string(criteriaForQueryGeneration),
            "application": .string(applicationDescription), "input": input,
        ])
        return [.user(prompt)]
    }

    public func formatOutput(_ text: String?, input: Row) -> Row {
        parseOutput(text, input: input).columns
    }

    public func parseOutput(_ text: String?, input: Row) -> ParsedOutput {
        guard let text else { return ParsedOutput(columns: ["instructions": .null]) }
        let queries = text.split(whereSeparator: \.isNewline).map { Self.withoutListMarker($0) }.filter { !$0.isEmpty }
        if queries.isEmpty {
            return ParsedOutput(columns: ["instructions": .null], error: "the answer holds no query")
        }
        return ParsedOutput(columns: ["instructions": .list(queries.map(Value.string))])
    }

    /// `1. What…`, `2) What…`, `- What…`, `* What…` → `What…`.
    static func withoutListMarker(_ line: Substring) -> String {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        if let first = rest.first, "-*•".contains(first) {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let after = rest.dropFirst(digits.count)
            if !digits.isEmpty, let marker = after.first, marker == "." || marker == ")" { rest = after.dropFirst() }
        }
        return rest.trimmingCharacters(in: .whitespaces)
    }
}
