/// A parameter a step (or its LLM) accepts at run time, as `pipeline info` lists it.
public struct RuntimeParameterInfo: Sendable, Hashable {
    /// The parameter's name (`temperature`, `llm`, `generation_kwargs`).
    public var name: String
    /// What it does.
    public var description: String
    /// Whether the run may omit it.
    public var isOptional: Bool
    /// Nested parameters (for `llm` and `generation_kwargs`).
    public var children: [RuntimeParameterInfo]

    public init(name: String, description: String = "", optional: Bool = true, children: [RuntimeParameterInfo] = []) {
        self.name = name
        self.description = description
        self.isOptional = optional
        self.children = children
    }

    /// Every leaf parameter's dotted path (`llm.generation_kwargs.temperature`).
    public var leafPaths: [String] {
        if children.isEmpty { return [name] }
        return children.flatMap { $0.leafPaths.map { "\(name).\($0)" } }
    }
}

/// Runtime parameter values for a run: step name → parameters. Keys may be dotted (`llm.generation_kwargs.temperature`)
/// or nested structs (`["llm": ["generation_kwargs": ["temperature": 0.7]]]`).
public typealias RuntimeParameters = [String: Row]

extension Row {
    /// This row with dotted keys expanded into nested structs and nested structs merged.
    func expandingDottedKeys() -> Row {
        var result = Row()
        for (key, value) in pairs {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let expandedValue: Value
            if case .struct(let nested) = value {
                expandedValue = .struct(nested.expandingDottedKeys())
            } else {
                expandedValue = value
            }
            result.setNested(parts[...], expandedValue)
        }
        return result
    }

    private mutating func setNested(_ path: ArraySlice<String>, _ value: Value) {
        guard let first = path.first else { return }
        if path.count == 1 {
            if case .struct(let existing) = self[first] ?? .null, case .struct(let incoming) = value {
                self[first] = .struct(existing.merging(incoming))
            } else {
                self[first] = value
            }
            return
        }
        var child = self[first]?.structValue ?? Row()
        child.setNested(path.dropFirst(), value)
        self[first] = .struct(child)
    }
}
