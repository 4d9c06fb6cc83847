/// Collects steps and connections inside `Pipeline(name:) { builder in … }`.
///
/// ```swift
/// let pipeline = try Pipeline(name: "answers") { p in
///     let load = p.add(LoadDataFromDicts(rows: rows))
///     let generate = p.add(TextGeneration(llm: llm), replicas: 2)
///     let keep = p.add(KeepColumns(["instruction", "generation"]))
///     load >>> generate >>> keep
/// }
/// ```
public final class PipelineBuilder {
    var nodes: [PipelineNode] = []
    var edges: [(from: String, to: String)] = []
    var routing: [String: RoutingBatchFunction] = [:]
    private var nameCounters: [String: Int] = [:]

    init() {}

    /// Adds a step and returns its handle for connecting with `>>>`.
    @discardableResult
    public func add<S: Step>(
        _ step: S, name: String? = nil, inputMappings: [String: String] = [:],
        outputMappings: [String: String] = [:], batchSize: Int = 50, inputBatchSize: Int = 50, replicas: Int = 1,
        useCache: Bool = true
    ) -> StepHandle {
        let options = StepOptions(
            inputMappings: inputMappings, outputMappings: outputMappings, batchSize: batchSize,
            inputBatchSize: inputBatchSize, replicas: replicas, useCache: useCache)
        return add(node: step, name: name, options: options)
    }

    /// Adds a step given as an existential, with explicit options.
    @discardableResult
    public func add(node step: any Step, name: String?, options: StepOptions) -> StepHandle {
        let resolved = name ?? defaultName(for: step.defaultNamePrefix)
        nodes.append(PipelineNode(name: resolved, step: step, options: options))
        return StepHandle(name: resolved, builder: self)
    }

    /// Connects `from` to `to` by name (what `>>>` does).
    public func connect(_ from: String, to: String) {
        edges.append((from, to))
    }

    /// Routes the batches of `from` to its successors with `function`.
    public func route(_ from: String, with function: RoutingBatchFunction) {
        routing[from] = function
    }

    private func defaultName(for prefix: String) -> String {
        while true {
            let counter = nameCounters[prefix, default: 0]
            nameCounters[prefix] = counter + 1
            let candidate = "\(prefix)_\(counter)"
            if !nodes.contains(where: { $0.name == candidate }) { return candidate }
        }
    }
}

/// A step added to a ``PipelineBuilder``, for connecting steps with `>>>`.
public struct StepHandle {
    /// The step's name in the pipeline.
    public let name: String
    unowned let builder: PipelineBuilder
}

/// A step whose batches go through a routing function, waiting for `>>> [steps]`.
public struct RoutedStepHandle {
    let source: StepHandle
    let function: RoutingBatchFunction
}

/// How `>>>` groups: left to right, so `load >>> generate >>> keep` connects load to generate and generate to keep.
precedencegroup StepConnectionPrecedence {
    associativity: left
    lowerThan: AdditionPrecedence
}

/// Connects steps: distilabel's `>>>`, spelled `>>>` because Swift's `>>>` is the bit shift and does not chain.
infix operator >>> : StepConnectionPrecedence

/// Connects `lhs` to `rhs`; returns `rhs` so that connections chain.
@discardableResult
public func >>> (lhs: StepHandle, rhs: StepHandle) -> StepHandle {
    lhs.builder.connect(lhs.name, to: rhs.name)
    return rhs
}

/// Connects `lhs` to every step in `rhs`.
@discardableResult
public func >>> (lhs: StepHandle, rhs: [StepHandle]) -> [StepHandle] {
    for step in rhs { lhs.builder.connect(lhs.name, to: step.name) }
    return rhs
}

/// Connects every step in `lhs` to `rhs`.
@discardableResult
public func >>> (lhs: [StepHandle], rhs: StepHandle) -> StepHandle {
    for step in lhs { step.builder.connect(step.name, to: rhs.name) }
    return rhs
}

/// Attaches a routing function to `lhs`'s batches: `load >>> .sampleNSteps(2) >>> [a, b, c]`.
public func >>> (lhs: StepHandle, rhs: RoutingBatchFunction) -> RoutedStepHandle {
    RoutedStepHandle(source: lhs, function: rhs)
}

/// Connects a routed step to the steps its routing function chooses among.
@discardableResult
public func >>> (lhs: RoutedStepHandle, rhs: [StepHandle]) -> [StepHandle] {
    lhs.source.builder.route(lhs.source.name, with: lhs.function)
    return lhs.source >>> rhs
}
