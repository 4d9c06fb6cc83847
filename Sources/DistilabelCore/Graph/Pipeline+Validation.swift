extension Pipeline {
    /// Checks everything that can be checked before running, with a message naming the steps and columns.
    func validate() throws(PipelineError) {
        guard !nodes.isEmpty else { throw .emptyPipeline(name) }
        var seen = Set<String>()
        for node in nodes {
            guard node.name.isValidStepName else { throw .invalidStepName(node.name) }
            guard seen.insert(node.name).inserted else { throw .duplicateStepName(node.name) }
        }
        for (from, targets) in connections {
            guard seen.contains(from) else { throw .unknownStep(from, context: "connections") }
            for target in targets where !seen.contains(target) { throw .unknownStep(target, context: "connections") }
        }
        for from in routing.keys where !seen.contains(from) {
            throw .unknownStep(from, context: "routing_batch_functions")
        }
        try checkAcyclic()
        for node in nodes { try validateOptions(node) }
        var available: [String: [String]] = [:]
        for name in topologicalOrder {
            guard let node = node(name) else { continue }
            let predecessors = predecessors(of: name)
            if node.kind == .generator {
                guard predecessors.isEmpty else {
                    throw .generatorWithPredecessors(step: name, predecessors: predecessors)
                }
            } else if predecessors.isEmpty {
                throw .rootIsNotGenerator(step: name)
            }
            var incoming: [String] = []
            for predecessor in predecessors {
                for column in available[predecessor] ?? [] where !incoming.contains(column) { incoming.append(column) }
            }
            available[name] = try columnsAfter(node, incoming: incoming)
            try validateRouting(node, predecessors: predecessors)
        }
    }

    private func checkAcyclic() throws(PipelineError) {
        let order = topologicalOrder
        guard order.count < nodes.count else { return }
        // Walk from a step left out of the order until a step repeats: that is a cycle.
        let inCycle = Set(nodes.map(\.name)).subtracting(order)
        var path: [String] = []
        var current = nodes.first { inCycle.contains($0.name) }!.name
        while !path.contains(current) {
            path.append(current)
            current = successors(of: current).first { inCycle.contains($0) } ?? current
        }
        let start = path.firstIndex(of: current)!
        throw .cycle(Array(path[start...]) + [current])
    }

    private func validateOptions(_ node: PipelineNode) throws(PipelineError) {
        let options = node.options
        if options.batchSize < 1 {
            throw .invalidOption(step: node.name, option: "batch_size", reason: "must be at least 1")
        }
        if options.inputBatchSize < 1 {
            throw .invalidOption(step: node.name, option: "input_batch_size", reason: "must be at least 1")
        }
        if options.replicas < 1 {
            throw .invalidOption(step: node.name, option: "replicas", reason: "must be at least 1")
        }
        if node.kind == .global && options.replicas > 1 {
            throw .invalidOption(step: node.name, option: "replicas", reason: "a global step runs as one replica")
        }
        let inputNames = node.step.inputs.map(\.name)
        for key in options.inputMappings.keys.sorted() where !inputNames.contains(key) {
            throw .invalidMapping(step: node.name, kind: "an input mapping", key: key, valid: inputNames)
        }
        let outputNames = node.step.outputs
        for key in options.outputMappings.keys.sorted() where !outputNames.contains(key) {
            throw .invalidMapping(step: node.name, kind: "an output mapping", key: key, valid: outputNames)
        }
    }

    /// The columns rows carry after `node`, checking that its required inputs are there.
    private func columnsAfter(_ node: PipelineNode, incoming: [String]) throws(PipelineError) -> [String] {
        let mappings = node.options.inputMappings
        if node.kind != .generator {
            let missing = node.step.inputs.filter(\.isRequired).map(\.name).filter {
                !incoming.contains(mappings[$0] ?? $0)
            }
            if !missing.isEmpty {
                throw .missingInputColumns(
                    step: node.name, missing: missing.map { mappings[$0].map { m in "\(m)" } ?? $0 },
                    available: incoming)
            }
        }
        // Columns as the step sees them (after input mappings), then as rows carry them (after output mappings).
        let reversed = Dictionary(mappings.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let seenByStep = incoming.map { reversed[$0] ?? $0 }
        return node.step.columns(after: seenByStep).map { node.options.outputMappings[$0] ?? mappings[$0] ?? $0 }
    }

    private func validateRouting(_ node: PipelineNode, predecessors: [String]) throws(PipelineError) {
        let routed = predecessors.filter { routing[$0] != nil }
        if !routed.isEmpty {
            guard predecessors.count == 1 else {
                throw .invalidRouting(
                    step: node.name, reason: "it has several predecessors; a routed step can have only one")
            }
            let source = self.node(routed[0])!
            let size = source.effectiveBatchSize
            if node.options.inputBatchSize > size || size % node.options.inputBatchSize != 0 {
                throw .invalidRouting(
                    step: node.name,
                    reason: "its input_batch_size (\(node.options.inputBatchSize)) must divide the batch size of "
                        + "'\(source.name)' (\(size))")
            }
        }
        let routedPredecessors = predecessors.filter { routingSource(of: $0) != nil }
        guard !routedPredecessors.isEmpty else { return }
        let sources = Set(predecessors.map { routingSource(of: $0) ?? "" })
        guard routedPredecessors.count == predecessors.count, sources.count == 1 else {
            throw .invalidConvergence(
                step: node.name,
                reason: "all its predecessors must receive batches routed from the same step "
                    + "(\(predecessors.joined(separator: ", ")))")
        }
        for predecessor in predecessors {
            let previous = self.node(predecessor)!
            if node.options.inputBatchSize > previous.options.inputBatchSize {
                throw .invalidConvergence(
                    step: node.name,
                    reason: "its input_batch_size (\(node.options.inputBatchSize)) must not exceed that of "
                        + "'\(predecessor)' (\(previous.options.inputBatchSize))")
            }
        }
    }
}

extension String {
    /// Whether this matches `^[A-Za-z0-9_-]+$`.
    var isValidStepName: Bool {
        !isEmpty
            && utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x5F || byte == 0x2D
            }
    }
}
