/// The DPO steps' shared part: from `generations` and `ratings` (and `generation_models` when the row has it), the
/// chosen and rejected conversations, models and ratings, as Python distilabel's DPO formatting steps compute them.
enum PreferencePair {
    /// The output columns, in the order Python adds them (`chosen_model` and `rejected_model` only when the row has
    /// `generation_models`).
    static let outputs = [
        "prompt", "prompt_id", "chosen", "chosen_model", "chosen_rating", "rejected", "rejected_model",
        "rejected_rating",
    ]

    /// The columns after a DPO step, given those before it.
    static func columns(after available: [String]) -> [String] {
        var result = available
        let withModels = available.contains("generation_models")
        for column in outputs where !result.contains(column) {
            if !withModels && (column == "chosen_model" || column == "rejected_model") { continue }
            result.append(column)
        }
        return result
    }

    /// Sets `chosen`, `chosen_model`, `chosen_rating`, `rejected`, `rejected_model` and `rejected_rating` on `row`:
    /// chosen is the first generation with the highest rating, rejected the first with the lowest (ties go to the
    /// earlier one, as Python's `max` and `min` do), each appended to `messages` as an assistant turn.
    static func apply(to row: inout Row, messages: [Value], index: Int, context: StepContext) throws(PipelineError) {
        let ratings = try ChatTurns.list(row["ratings"], column: "ratings", row: index, context: context)
        let chosen = try extreme(ratings, largest: true, index: index, context: context)
        try set(
            &row, prefix: "chosen", at: chosen, ratings: ratings, messages: messages, index: index, context: context)
        let rejected = try extreme(ratings, largest: false, index: index, context: context)
        try set(
            &row, prefix: "rejected", at: rejected, ratings: ratings, messages: messages, index: index,
            context: context)
    }

    private static func extreme(
        _ ratings: [Value], largest: Bool, index: Int, context: StepContext
    )
        throws(PipelineError) -> Int
    {
        do {
            return try PythonComparison.extremeIndex(of: ratings, largest: largest)
        } catch {
            let reason =
                ratings.isEmpty
                ? "the list is empty: there is no generation to choose"
                : "\(error.reason) (a rating is null when the judge's answer could not be parsed; Python fails "
                    + "the batch as well)"
            throw ChatTurns.invalid(index, "ratings", reason, context: context)
        }
    }

    private static func set(
        _ row: inout Row, prefix: String, at position: Int, ratings: [Value], messages: [Value], index: Int,
        context: StepContext
    ) throws(PipelineError) {
        let generations = try ChatTurns.list(row["generations"], column: "generations", row: index, context: context)
        guard position < generations.count else {
            throw ChatTurns.invalid(
                index, "generations",
                "has \(generations.count) elements but \(ratings.count) ratings: no generation \(position)",
                context: context)
        }
        row[prefix] = .list(messages + [ChatTurns.turn("assistant", generations[position])])
        if row.contains("generation_models") {
            let models = try ChatTurns.list(
                row["generation_models"], column: "generation_models", row: index, context: context)
            guard position < models.count else {
                throw ChatTurns.invalid(
                    index, "generation_models",
                    "has \(models.count) elements but \(ratings.count) ratings: no model \(position)", context: context)
            }
            row[prefix + "_model"] = models[position]
        }
        row[prefix + "_rating"] = ratings[position]
    }
}
