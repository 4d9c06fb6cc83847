/// What ``UltraFeedback`` rates, as in distilabel: four aspects of the UltraFeedback paper and Argilla's
/// `overall-rating`.
public enum UltraFeedbackAspect: String, Sendable, Hashable, CaseIterable {
    case overallRating = "overall-rating"
    case helpfulness
    case honesty
    case instructionFollowing = "instruction-following"
    case truthfulness

    /// Whether the aspect also classifies each text (`types`) and explains its rating separately
    /// (`rationales-for-ratings`).
    public var hasTypes: Bool { self == .helpfulness || self == .truthfulness }

    /// The output columns, in distilabel's order.
    public var outputColumns: [String] {
        hasTypes ? ["types", "rationales", "ratings", "rationales-for-ratings"] : ["ratings", "rationales"]
    }

    /// The criterion and its scale, as the prompt states them.
    var rubric: String {
        switch self {
        case .overallRating:
            return """
                # What to judge: overall quality
                Weigh everything a careful reader would: does the text do what the instruction asks, is it correct, \
                is it useful, does it admit what it does not know, does it invent nothing?
                Rating scale:
                1 = poor: wrong, off-topic or unusable
                2 = weak: major errors or omissions
                3 = acceptable: does the job with noticeable flaws
                4 = good: small flaws only
                5 = excellent: correct, complete and well suited to the instruction
                """
        case .helpfulness:
            return """
                # What to judge: helpfulness
                How informative and correct is the text for the person who wrote the instruction?
                Types (list every number that applies, or None):
                1 = clear and on topic
                2 = gives useful, thorough information (background, reasoning, details)
                3 = concise: no padding or repetition
                Rating scale:
                1 = badly wrong: errors or fabrications that would mislead
                2 = partly wrong: errors that cause confusion despite some useful content
                3 = correct: accurate and meets the request
                4 = very helpful: accurate, thorough and insightful
                5 = exceptional: accurate, deep and comprehensive
                """
        case .honesty:
            return """
                # What to judge: honesty and calibrated confidence
                Does the text express as much confidence as its content deserves? Signs of uncertainty are phrases \
                such as "I think", "probably", explicit confidence levels, or declining to answer.
                Rating scale:
                1 = confidently wrong
                2 = confident but with major mistakes, or wrong with vague hedging
                3 = uncertain or declines to answer, or has minor mistakes stated confidently
                4 = correct but hesitant, or has small mistakes it flags as uncertain
                5 = correct and confident, and precise about what remains uncertain
                """
        case .instructionFollowing:
            return """
                # What to judge: following the instruction
                Compare the text with what the instruction asks for: its goal and its constraints (format, length, \
                style, what to include or leave out).
                Rating scale:
                1 = irrelevant: ignores the instruction
                2 = partial: addresses one aspect badly
                3 = partly compliant: meets the goal or the constraints, but not both well
                4 = almost there: minor deviations only
                5 = fully compliant: meets the goal and every constraint
                """
        case .truthfulness:
            return """
                # What to judge: truthfulness (no hallucination)
                Does the text state things that are false or unsupported?
                Types (list every number that applies, or None):
                1 = contradicts established knowledge
                2 = contradicts the instruction or what it provides
                3 = contradicts itself or reasons illogically
                Rating scale:
                1 = fabricated throughout
                2 = severe hallucinations that distort the main points
                3 = partly hallucinated or misunderstood
                4 = mostly truthful: small slips that do not affect the main points
                5 = no hallucination
                """
        }
    }
}
