/// Everything that can go wrong defining or running a pipeline, with the steps, columns and parameters involved.
public enum PipelineError: Error, Sendable, Equatable {
    case invalidStepName(String)
    case duplicateStepName(String)
    case unknownStep(String, context: String)
    case cycle([String])
    case generatorWithPredecessors(step: String, predecessors: [String])
    case rootIsNotGenerator(step: String)
    case missingInputColumns(step: String, missing: [String], available: [String])
    case invalidMapping(step: String, kind: String, key: String, valid: [String])
    case invalidOption(step: String, option: String, reason: String)
    case invalidRouting(step: String, reason: String)
    case invalidConvergence(step: String, reason: String)
    case emptyPipeline(String)
    case unknownRuntimeParameter(step: String, parameter: String, suggestion: String?, valid: [String])
    case missingRuntimeParameter(step: String, parameter: String, description: String)
    case unknownStepInParameters(step: String, suggestion: String?)
    case invalidRuntimeParameter(step: String, parameter: String, reason: String)
    case generatorFailed(step: String, batch: Int, message: String)
    case stepFailed(step: String, message: String)
    /// A row a step cannot process or produce: `row` counts from 0 in the batch (in the generator's output for a
    /// generator), `column` is the column at fault.
    case invalidRow(step: String, row: Int, column: String, reason: String)
    /// The step's `load` threw: its model, client or data files could not be set up.
    case loadFailed(step: String, message: String)
    case store(String)
    case interrupted
}

extension PipelineError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidStepName(let name):
            return "Invalid step name '\(name)': use only letters, digits, '_' and '-'."
        case .duplicateStepName(let name):
            return "Two steps are named '\(name)': step names must be unique in a pipeline."
        case .unknownStep(let name, let context):
            return "Unknown step '\(name)' in \(context)."
        case .cycle(let steps):
            return "The pipeline has a cycle: \(steps.joined(separator: " >>> ")). Steps must form a DAG."
        case .generatorWithPredecessors(let step, let predecessors):
            return "Generator step '\(step)' cannot receive input, but is connected after "
                + "\(predecessors.map { "'\($0)'" }.joined(separator: ", "))."
        case .rootIsNotGenerator(let step):
            return "Step '\(step)' has no predecessor but is not a generator step: connect a step before it."
        case .missingInputColumns(let step, let missing, let available):
            return "Step '\(step)' requires the columns \(Self.list(missing)), which no step before it produces "
                + "(available: \(Self.list(available))). Produce them upstream or use input_mappings."
        case .invalidMapping(let step, let kind, let key, let valid):
            return "Step '\(step)' has \(kind) for '\(key)', which is not one of its columns \(Self.list(valid))."
        case .invalidOption(let step, let option, let reason):
            return "Step '\(step)': invalid \(option): \(reason)."
        case .invalidRouting(let step, let reason):
            return "Step '\(step)' receives routed batches, but \(reason)."
        case .invalidConvergence(let step, let reason):
            return "Convergence step '\(step)': \(reason)."
        case .emptyPipeline(let name):
            return "Pipeline '\(name)' has no steps."
        case .unknownRuntimeParameter(let step, let parameter, let suggestion, let valid):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "Step '\(step)' has no runtime parameter '\(parameter)'.\(hint) Valid: \(Self.list(valid))."
        case .missingRuntimeParameter(let step, let parameter, let description):
            let about = description.isEmpty ? "" : " (\(description))"
            return "Step '\(step)' is missing the required runtime parameter '\(parameter)'\(about). "
                + "Set it with parameters: [\"\(step)\": [\"\(parameter)\": …]] or --param \(step).\(parameter)=…"
        case .unknownStepInParameters(let step, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "Runtime parameters were given for step '\(step)', which the pipeline does not have.\(hint)"
        case .invalidRuntimeParameter(let step, let parameter, let reason):
            return "Step '\(step)', runtime parameter '\(parameter)': \(reason)."
        case .generatorFailed(let step, let batch, let message):
            return "Generator step '\(step)' failed on batch \(batch): \(message)"
        case .stepFailed(let step, let message):
            return "Step '\(step)' failed: \(message)"
        case .invalidRow(let step, let row, let column, let reason):
            return "Step '\(step)', row \(row), column '\(column)': \(reason)."
        case .loadFailed(let step, let message):
            return "Step '\(step)' could not load: \(message)"
        case .store(let message):
            return message
        case .interrupted:
            return "The run was interrupted."
        }
    }

    private static func list(_ names: [String]) -> String {
        "[" + names.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }
}

/// The closest candidate to `name` by edit distance, when it is close enough to be a likely typo.
func closestMatch(to name: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(Array(name), Array(candidate))
        if distance <= max(2, name.count / 3), best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    return best?.0
}

private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
