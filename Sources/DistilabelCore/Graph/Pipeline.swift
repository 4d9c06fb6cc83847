/// A validated DAG of steps: what `run` executes and `pipeline.yaml` describes.
public struct Pipeline: Sendable {
    /// The pipeline's name: the cache folder under the cache directory.
    public var name: String
    public var description: String?
    /// Where the cache lives, overriding `DISTILABEL_CACHE_DIR` and `~/.cache/distilabel/pipelines`.
    public var cacheDirectory: String?
    /// Whether leaf rows keep the `distilabel_metadata` column.
    public var enableMetadata: Bool
    /// The steps, in the order they were added.
    public internal(set) var nodes: [PipelineNode]
    /// Each step's successors, in connection order.
    public internal(set) var connections: [String: [String]]
    /// Routing functions by the step whose batches they route.
    public internal(set) var routing: [String: RoutingBatchFunction]

    /// Builds and validates a pipeline.
    public init(
        name: String, description: String? = nil, cacheDirectory: String? = nil, enableMetadata: Bool = false,
        _ build: (PipelineBuilder) throws -> Void
    ) throws {
        let builder = PipelineBuilder()
        try build(builder)
        var connections: [String: [String]] = [:]
        for edge in builder.edges where !(connections[edge.from]?.contains(edge.to) ?? false) {
            connections[edge.from, default: []].append(edge.to)
        }
        try self.init(
            name: name, description: description, cacheDirectory: cacheDirectory, enableMetadata: enableMetadata,
            nodes: builder.nodes, connections: connections, routing: builder.routing)
    }

    /// Builds and validates a pipeline from its parts (as read from `pipeline.yaml`).
    public init(
        name: String, description: String? = nil, cacheDirectory: String? = nil, enableMetadata: Bool = false,
        nodes: [PipelineNode], connections: [String: [String]], routing: [String: RoutingBatchFunction] = [:]
    ) throws {
        self.name = name
        self.description = description
        self.cacheDirectory = cacheDirectory
        self.enableMetadata = enableMetadata
        self.nodes = nodes
        self.connections = connections
        self.routing = routing
        try validate()
    }

    /// The node named `name`.
    public func node(_ name: String) -> PipelineNode? {
        nodes.first { $0.name == name }
    }

    /// The steps connected into `name`, in the order the steps were added.
    public func predecessors(of name: String) -> [String] {
        nodes.map(\.name).filter { connections[$0]?.contains(name) ?? false }
    }

    /// The steps `name` connects to, in connection order.
    public func successors(of name: String) -> [String] {
        connections[name] ?? []
    }

    /// The steps with no successors: their rows are the pipeline's output.
    public var leafNames: [String] {
        nodes.map(\.name).filter { successors(of: $0).isEmpty }
    }

    /// The step names in an order where every step comes after its predecessors (stable: insertion order breaks
    /// ties).
    public var topologicalOrder: [String] {
        var remaining = Dictionary(uniqueKeysWithValues: nodes.map { ($0.name, predecessors(of: $0.name).count) })
        var order: [String] = []
        var ready = nodes.map(\.name).filter { remaining[$0] == 0 }
        while !ready.isEmpty {
            let next = ready.removeFirst()
            order.append(next)
            for successor in successors(of: next) {
                remaining[successor, default: 0] -= 1
                if remaining[successor] == 0 { ready.append(successor) }
            }
        }
        return order
    }

    /// The step whose routed batches `name` receives, if any.
    public func routingSource(of name: String) -> String? {
        let predecessors = predecessors(of: name)
        guard predecessors.count == 1, routing[predecessors[0]] != nil else { return nil }
        return predecessors[0]
    }

    /// Whether `name` gathers the outputs of steps that received routed batches.
    public func isConvergence(_ name: String) -> Bool {
        let predecessors = predecessors(of: name)
        return !predecessors.isEmpty && predecessors.allSatisfy { routingSource(of: $0) != nil }
    }
}
