import DistilabelCore

/// The `scores` column of ``QualityScorer`` and ``ComplexityScorer``.
enum ScoreList {
    static func parse(_ text: String?, count: Int) -> ParsedOutput {
        guard let text else {
            return ParsedOutput(columns: ["scores": .list(Array(repeating: .null, count: count))])
        }
        let scores = AnswerParsing.indexedScores(text, count: count)
        return ParsedOutput(
            columns: ["scores": .list(scores.map { $0.map(Value.double) ?? .null })],
            error: AnswerParsing.missingItems(scores, what: "a score"))
    }
}
