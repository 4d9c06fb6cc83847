extension Pipeline {
    /// The parameters every node accepts besides its step's own.
    static let nodeParameters: [RuntimeParameterInfo] = [
        RuntimeParameterInfo(name: "batch_size", description: "Rows per batch a generator produces."),
        RuntimeParameterInfo(name: "input_batch_size", description: "Rows per batch a step receives."),
    ]

    /// This pipeline with runtime parameter values applied to its steps, after checking that every name exists
    /// and every required parameter has a value.
    public func applying(_ parameters: RuntimeParameters) throws -> Pipeline {
        let names = nodes.map(\.name)
        for stepName in parameters.keys.sorted() where !names.contains(stepName) {
            throw PipelineError.unknownStepInParameters(
                step: stepName, suggestion: closestMatch(to: stepName, among: names))
        }
        var result = self
        for index in result.nodes.indices {
            var node = result.nodes[index]
            var values = (parameters[node.name] ?? Row()).expandingDottedKeys()
            for parameter in ["batch_size", "input_batch_size"] {
                guard let value = values.removeValue(forColumn: parameter) else { continue }
                guard let size = value.intValue, size >= 1 else {
                    throw PipelineError.invalidRuntimeParameter(
                        step: node.name, parameter: parameter, reason: "expected a positive integer, got \(value)")
                }
                if parameter == "batch_size" {
                    node.options.batchSize = Int(size)
                } else {
                    node.options.inputBatchSize = Int(size)
                }
            }
            let declared = node.step.runtimeParameters
            try Self.check(values, against: declared, step: node.name, prefix: "")
            try node.step.applyRuntimeParameters(values)
            result.nodes[index] = node
        }
        try result.validate()
        return result
    }

    private static func check(
        _ values: Row, against declared: [RuntimeParameterInfo], step: String, prefix: String
    ) throws {
        let allPaths = (declared + nodeParameters).flatMap(\.leafPaths).map { prefix + $0 }
        for (name, value) in values.pairs {
            guard let info = declared.first(where: { $0.name == name }) else {
                let path = prefix + name
                throw PipelineError.unknownRuntimeParameter(
                    step: step, parameter: path, suggestion: closestMatch(to: path, among: allPaths), valid: allPaths)
            }
            if !info.children.isEmpty {
                guard case .struct(let nested) = value else {
                    throw PipelineError.invalidRuntimeParameter(
                        step: step, parameter: prefix + name,
                        reason: "expected nested parameters, got \(value.kindName)")
                }
                try check(nested, against: info.children, step: step, prefix: prefix + name + ".")
            }
        }
        for info in declared where !info.isOptional {
            let value = values[info.name]
            if value == nil || value == .null {
                throw PipelineError.missingRuntimeParameter(
                    step: step, parameter: prefix + info.name, description: info.description)
            }
        }
        for info in declared where !info.children.isEmpty {
            let nested = values[info.name]?.structValue ?? Row()
            for child in info.children where !child.isOptional && nested[child.name] == nil {
                if child.children.isEmpty {
                    throw PipelineError.missingRuntimeParameter(
                        step: step, parameter: prefix + info.name + "." + child.name, description: child.description)
                }
            }
        }
    }
}
