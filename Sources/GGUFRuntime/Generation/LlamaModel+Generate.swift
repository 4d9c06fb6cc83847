extension LlamaModel {
    /// Generates a continuation of each prompt, decoding all prompts together: every step runs one token of every
    /// unfinished sequence through a single pass over the weights.
    ///
    /// - Parameters:
    ///   - prompts: token ids of each prompt (none may be empty).
    ///   - parameters: temperature, top-k, top-p and seed; sequence `i` samples from its own stream, so its output
    ///     does not depend on the other prompts in the batch.
    ///   - stopTokens: ids that end a sequence; `nil` means ``endOfGenerationTokens``.
    ///   - maxNewTokens: the most tokens generated per prompt.
    ///   - onToken: called with the prompt's index and each generated token (not stop tokens), in order; return
    ///     `false` to stop that sequence after this token (the token is kept). Use it to stream text or check stop
    ///     strings.
    /// - Returns: one output per prompt, in order.
    public func generate(
        prompts: [[Int32]], parameters: SamplingParameters = .greedy, stopTokens: Set<Int32>? = nil,
        maxNewTokens: Int, arithmetic: ProductArithmetic = .integer,
        onToken: ((_ sequence: Int, _ token: Int32) -> Bool)? = nil
    ) throws(GGUFError) -> [GenerationOutput] {
        guard !prompts.isEmpty else { return [] }
        let stops = stopTokens ?? endOfGenerationTokens
        let longest = prompts.map(\.count).max() ?? 0
        let context = LlamaContext(
            model: self, sequenceCount: prompts.count,
            contextLength: min(hyperParameters.contextLength, longest + maxNewTokens + 1), arithmetic: arithmetic)
        var samplers = prompts.indices.map { Sampler(parameters: parameters, stream: UInt64($0)) }
        var outputs = prompts.map { GenerationOutput(tokens: [], finishReason: .maxTokens, promptTokenCount: $0.count) }
        var active: [Int] = []
        var pending: [Int32] = Array(repeating: 0, count: prompts.count)

        /// Takes a sampled token for sequence `i`; returns whether the sequence goes on.
        func accept(_ token: Int32, for i: Int) -> Bool {
            if stops.contains(token) {
                outputs[i].finishReason = .stopToken(token)
                return false
            }
            outputs[i].tokens.append(token)
            if let onToken, !onToken(i, token) {
                outputs[i].finishReason = .stoppedByCallback
                return false
            }
            if outputs[i].tokens.count >= maxNewTokens {
                outputs[i].finishReason = .maxTokens
                return false
            }
            if prompts[i].count + outputs[i].tokens.count >= context.contextLength {
                outputs[i].finishReason = .contextFull
                return false
            }
            pending[i] = token
            return true
        }

        guard maxNewTokens > 0 else { return outputs }
        // All prompts in one call: their rows share each pass over the weights.
        let first = try context.evaluate(prompts.enumerated().map { (sequence: $0.offset, tokens: $0.element) })
        for (i, logits) in first.enumerated() where accept(samplers[i].sample(logits), for: i) {
            active.append(i)
        }
        while !active.isEmpty {
            let logits = try context.evaluate(active.map { (sequence: $0, tokens: [pending[$0]]) })
            var stillActive: [Int] = []
            for (k, i) in active.enumerated() where accept(samplers[i].sample(logits[k]), for: i) {
                stillActive.append(i)
            }
            active = stillActive
        }
        return outputs
    }
}
