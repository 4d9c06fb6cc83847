/// Batched generation.
extension EmbeddedLLM {
    /// Answers each conversation, decoding them together as one batch.
    ///
    /// - Returns: one result per conversation, in order.
    /// - Throws: `CancellationError` when the task is cancelled (checked between decoding steps),
    ///   ``GGUFError`` for invalid requests, template errors and model failures.
    public func generate(_ conversations: [[ChatMessage]], options: GenerationOptions) async throws -> [GeneratedText] {
        var prompts: [[Int32]] = []
        for messages in conversations { prompts.append(try promptTokens(for: messages)) }
        return try await generate(promptTokens: prompts, options: options)
    }

    /// Answers one conversation.
    public func generate(_ messages: [ChatMessage], options: GenerationOptions) async throws -> GeneratedText {
        try await generate([messages], options: options)[0]
    }

    /// Continues raw texts, without a chat template (special-token text in them is parsed).
    public func complete(_ texts: [String], options: GenerationOptions) async throws -> [GeneratedText] {
        try await generate(promptTokens: texts.map { tokenizer.encode($0) }, options: options)
    }

    /// Continues prompts given as token ids, decoding them together as one batch.
    public func generate(promptTokens prompts: [[Int32]], options: GenerationOptions) async throws -> [GeneratedText] {
        guard !prompts.isEmpty else { return [] }
        guard options.maxNewTokens >= 0 else { throw GGUFError.invalidRequest("maxNewTokens is negative") }
        let modelContext = model.hyperParameters.contextLength
        for (index, prompt) in prompts.enumerated() {
            guard !prompt.isEmpty else { throw GGUFError.invalidRequest("prompt \(index) has no tokens") }
            guard prompt.count < modelContext else {
                throw GGUFError.invalidRequest(
                    "prompt \(index) has \(prompt.count) tokens; the model's context holds \(modelContext)")
            }
        }
        guard options.maxNewTokens > 0 else {
            return prompts.map {
                GeneratedText(text: "", inputTokenCount: $0.count, outputTokenCount: 0, stopReason: .maxNewTokens)
            }
        }
        var results: [GeneratedText] = []
        var start = 0
        while start < prompts.count {
            let end = min(prompts.count, start + maxBatchSize)
            results += try await generateBatch(Array(prompts[start..<end]), firstStream: start, options: options)
            start = end
        }
        return results
    }

    /// Generates for prompts that fit in one batch; sequence `i` samples from random stream `firstStream + i`.
    private func generateBatch(
        _ prompts: [[Int32]],
        firstStream: Int,
        options: GenerationOptions
    ) async throws -> [GeneratedText] {
        let modelContext = model.hyperParameters.contextLength
        var sequences = prompts.map { SequenceState(tokenizer: tokenizer, promptCount: $0.count, stops: options.stop) }

        let longest = prompts.map(\.count).max() ?? 0
        let context = LlamaContext(
            model: model, sequenceCount: prompts.count,
            contextLength: min(modelContext, longest + options.maxNewTokens + 1))
        var samplers = prompts.indices.map {
            Sampler(parameters: options.samplingParameters, stream: UInt64(firstStream + $0))
        }
        var results = [GeneratedText?](repeating: nil, count: prompts.count)

        try Task.checkCancellation()
        var active = Array(prompts.indices)
        var logits = try context.evaluate(prompts.enumerated().map { (sequence: $0.offset, tokens: $0.element) })
        while true {
            var stillActive: [Int] = []
            var nextTokens: [Int32] = []
            for (row, sequence) in active.enumerated() {
                let token = samplers[sequence].sample(logits[row])
                if let reason = sequences[sequence].accept(
                    token, endOfGeneration: endOfGenerationTokens, maxNewTokens: options.maxNewTokens,
                    contextLength: context.contextLength)
                {
                    results[sequence] = sequences[sequence].result(reason)
                } else {
                    stillActive.append(sequence)
                    nextTokens.append(token)
                }
            }
            active = stillActive
            if active.isEmpty { break }
            try Task.checkCancellation()
            await Task.yield()
            logits = try context.evaluate(zip(active, nextTokens).map { (sequence: $0, tokens: [$1]) })
        }
        return results.map { $0! }
    }
}

/// The text state of one sequence while it generates.
private struct SequenceState {
    var detokenizer: StreamingDetokenizer
    let promptCount: Int
    let stops: [[Unicode.Scalar]]
    var scalars: [Unicode.Scalar] = []
    var generatedCount = 0
    /// Where the text ends when a stop string cut it.
    var textEnd: Int?

    init(tokenizer: BPETokenizer, promptCount: Int, stops: [String]) {
        detokenizer = StreamingDetokenizer(tokenizer: tokenizer, renderSpecial: false)
        self.promptCount = promptCount
        self.stops = stops.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    }

    /// Takes a sampled token; returns why the sequence ends, or nil when it goes on.
    mutating func accept(
        _ token: Int32,
        endOfGeneration: Set<Int32>,
        maxNewTokens: Int,
        contextLength: Int
    ) -> GeneratedText.StopReason? {
        if endOfGeneration.contains(token) { return .endOfGeneration(token: token) }
        generatedCount += 1
        let searchFrom = max(0, scalars.count - (stops.map(\.count).max() ?? 1) + 1)
        scalars.append(contentsOf: detokenizer.append(token).unicodeScalars)
        if let (position, stop) = firstStop(from: searchFrom) {
            textEnd = position
            var view = String.UnicodeScalarView()
            view.append(contentsOf: stop)
            return .stopString(String(view))
        }
        if generatedCount >= maxNewTokens { return .maxNewTokens }
        if promptCount + generatedCount >= contextLength { return .contextFull }
        return nil
    }

    private func firstStop(from start: Int) -> (Int, [Unicode.Scalar])? {
        guard !stops.isEmpty else { return nil }
        var position = start
        while position < scalars.count {
            for stop in stops where position + stop.count <= scalars.count {
                if scalars[position..<position + stop.count].elementsEqual(stop) { return (position, stop) }
            }
            position += 1
        }
        return nil
    }

    mutating func result(_ reason: GeneratedText.StopReason) -> GeneratedText {
        if textEnd == nil { scalars.append(contentsOf: detokenizer.finish().unicodeScalars) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[..<(textEnd ?? scalars.count)])
        return GeneratedText(
            text: String(view), inputTokenCount: promptCount, outputTokenCount: generatedCount, stopReason: reason)
    }
}
