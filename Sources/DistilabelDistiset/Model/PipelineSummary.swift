public import DistilabelCore

/// What a dataset card tells about the pipeline that produced a ``Distiset``: its name, description and steps.
public struct PipelineSummary: Sendable, Hashable {
    /// One step of the pipeline.
    public struct Step: Sendable, Hashable {
        /// The step's name in the pipeline.
        public var name: String
        /// The step's type (`type_info.name` in `pipeline.yaml`), when known.
        public var typeName: String?

        public init(name: String, typeName: String? = nil) {
            self.name = name
            self.typeName = typeName
        }
    }

    /// The pipeline's name.
    public var name: String
    /// The pipeline's description.
    public var description: String?
    /// The steps, in the order of the pipeline.
    public var steps: [Step]

    public init(name: String, description: String? = nil, steps: [Step]) {
        self.name = name
        self.description = description
        self.steps = steps
    }

    /// The summary of `pipeline`: its name, description and nodes in order with their step types.
    public init(pipeline: Pipeline) {
        self.init(
            name: pipeline.name, description: pipeline.description,
            steps: pipeline.nodes.map { Step(name: $0.name, typeName: $0.step.typeName) })
    }
}
