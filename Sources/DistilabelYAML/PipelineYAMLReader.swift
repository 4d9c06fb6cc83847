import DistilabelCore
import Yams

/// Rebuilds a pipeline from the text of a `pipeline.yaml`.
struct PipelineYAMLReader {
    let file: String
    let registry: StepRegistry

    func read(_ text: String) throws -> Pipeline {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw PipelineYAMLError.structure(file: file, line: nil, problem: "the file is empty")
            }
            root = composed
        } catch let error as YamlError {
            throw Self.syntaxError(error, file: file)
        }
        guard case .mapping(let top) = root else {
            throw PipelineYAMLError.structure(
                file: file, line: root.mark?.line, problem: "expected a mapping at the top")
        }
        guard let pipeline = (top["pipeline"])?.mapping else {
            throw PipelineYAMLError.structure(
                file: file, line: top.mark?.line, problem: "expected a 'pipeline' mapping with 'name' and 'steps'")
        }
        guard let name = pipeline["name"]?.string, !name.isEmpty else {
            throw PipelineYAMLError.structure(
                file: file, line: pipeline.mark?.line, problem: "the pipeline needs a 'name'")
        }
        let description = pipeline["description"].flatMap { (node: Node) in YAMLValue.value(node).stringValue }
        let nodes = try readSteps(pipeline["steps"])
        let names = nodes.map { $0.name }
        let connections = try readConnections(pipeline["connections"], steps: names)
        let routing = try readRouting(pipeline["routing_batch_functions"], steps: names)
        do {
            return try Pipeline(
                name: name, description: description, nodes: nodes, connections: connections, routing: routing)
        } catch {
            throw PipelineYAMLError.invalidPipeline(file: file, reason: "\(error)")
        }
    }

    static func typeName(of mapping: Node.Mapping, step: String, file: String) throws -> String {
        guard let typeInfo = (mapping["type_info"])?.mapping, let name = typeInfo["name"]?.string else {
            throw PipelineYAMLError.missingField(
                file: file, step: step, field: "type_info.name", line: mapping.mark?.line)
        }
        return name
    }

    private func readSteps(_ node: Node?) throws -> [PipelineNode] {
        guard let sequence = (node)?.sequence, !sequence.isEmpty else {
            throw PipelineYAMLError.structure(
                file: file, line: node?.mark?.line, problem: "'pipeline.steps' must be a non-empty list of steps")
        }
        var nodes: [PipelineNode] = []
        for entry in sequence {
            guard case .mapping(let outer) = entry else {
                throw PipelineYAMLError.structure(
                    file: file, line: entry.mark?.line, problem: "a step must be a mapping")
            }
            // Python's layout is `{step: {...}, name: X}`; a bare step mapping is accepted too.
            let mapping: Node.Mapping
            if let inner = (outer["step"])?.mapping { mapping = inner } else { mapping = outer }
            guard let stepName = mapping["name"]?.string ?? outer["name"]?.string else {
                throw PipelineYAMLError.structure(file: file, line: mapping.mark?.line, problem: "a step has no 'name'")
            }
            let typeName = try Self.typeName(of: mapping, step: stepName, file: file)
            let fields = YAMLFields(
                stepName: stepName, typeName: typeName, file: file, mapping: mapping, registry: registry, prefix: "")
            let step = try registry.buildStep(fields)
            nodes.append(PipelineNode(name: stepName, step: step, options: try options(fields)))
        }
        return nodes
    }

    private func options(_ fields: YAMLFields) throws -> StepOptions {
        var options = StepOptions()
        if let mappings = try fields.stringPairs("input_mappings") {
            options.inputMappings = Dictionary(mappings, uniquingKeysWith: { $1 })
        }
        if let mappings = try fields.stringPairs("output_mappings") {
            options.outputMappings = Dictionary(mappings, uniquingKeysWith: { $1 })
        }
        if let size = try fields.int("batch_size") {
            guard size >= 1 else { throw fields.invalid("batch_size", "expected a positive integer") }
            options.batchSize = size
        }
        if let size = try fields.int("input_batch_size") {
            guard size >= 1 else { throw fields.invalid("input_batch_size", "expected a positive integer") }
            options.inputBatchSize = size
        }
        if let useCache = try fields.bool("use_cache") { options.useCache = useCache }
        if let resources = try fields.row("resources"), let replicas = resources["replicas"], !replicas.isNull {
            guard let count = replicas.intValue, count >= 1 else {
                throw fields.invalid("resources.replicas", "expected a positive integer")
            }
            options.replicas = Int(count)
        }
        return options
    }

    private func readConnections(_ node: Node?, steps: [String]) throws -> [String: [String]] {
        guard let node, !YAMLValue.value(node).isNull else { return [:] }
        guard case .sequence(let sequence) = node else {
            throw PipelineYAMLError.structure(
                file: file, line: node.mark?.line, problem: "'connections' must be a list of {from, to}")
        }
        var connections: [String: [String]] = [:]
        for entry in sequence {
            guard case .mapping(let mapping) = entry, let from = mapping["from"]?.string else {
                throw PipelineYAMLError.structure(
                    file: file, line: entry.mark?.line, problem: "a connection needs 'from' and 'to'")
            }
            guard steps.contains(from) else {
                throw PipelineYAMLError.structure(
                    file: file, line: entry.mark?.line, problem: "the connection from '\(from)' names no step")
            }
            let targets: [String]
            switch mapping["to"] {
            case .some(.sequence(let list)): targets = list.compactMap(\.string)
            case .some(.scalar(let scalar)) where !YAMLValue.value(.scalar(scalar)).isNull: targets = [scalar.string]
            default: targets = []
            }
            for target in targets where !steps.contains(target) {
                throw PipelineYAMLError.structure(
                    file: file, line: entry.mark?.line, problem: "the connection to '\(target)' names no step")
            }
            if !targets.isEmpty { connections[from, default: []].append(contentsOf: targets) }
        }
        return connections
    }

    private func readRouting(_ node: Node?, steps: [String]) throws -> [String: RoutingBatchFunction] {
        guard let sequence = (node)?.sequence else { return [:] }
        var routing: [String: RoutingBatchFunction] = [:]
        for entry in sequence {
            guard case .mapping(let outer) = entry else { continue }
            let mapping: Node.Mapping
            if let inner = (outer["routing_batch_function"])?.mapping {
                mapping = inner
            } else {
                mapping = outer
            }
            guard let step = mapping["step"]?.string ?? outer["step"]?.string, steps.contains(step) else {
                throw PipelineYAMLError.structure(
                    file: file, line: entry.mark?.line, problem: "a routing batch function needs the 'step' it routes")
            }
            let name = try Self.typeName(of: mapping, step: step, file: file)
            let typeInfo = mapping["type_info"]!
            let kwargs = typeInfo["kwargs"].map(YAMLValue.value)?.structValue ?? Row()
            do {
                routing[step] = try registry.buildRouting(
                    name: name, kwargs: kwargs, step: step, line: typeInfo.mark?.line, file: file)
            } catch let error as PipelineYAMLError {
                if case .invalidField(_, _, let field, _, let reason) = error {
                    throw PipelineYAMLError.invalidField(
                        file: file, step: step, field: "routing.type_info.\(field)", line: typeInfo.mark?.line,
                        reason: reason)
                }
                throw error
            }
        }
        return routing
    }

    static func syntaxError(_ error: YamlError, file: String) -> PipelineYAMLError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) (\($0.mark.line):\($0.mark.column)): " } ?? ""
            return .syntax(file: file, line: mark.line, column: mark.column, problem: detail + problem)
        case .reader(let problem, _, _, _):
            return .syntax(file: file, line: 1, column: 1, problem: problem)
        default:
            return .structure(file: file, line: nil, problem: "\(error)")
        }
    }
}
