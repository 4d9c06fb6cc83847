import DistilabelCore

/// Turns a pipeline into distilabel 1.5's `pipeline.yaml` schema.
struct PipelineYAMLWriter {
    let registry: StepRegistry
    /// Prefix of the marker strings standing for inline datasets in ``document(_:)``: unique to this writer.
    private let markerPrefix = "\u{1}inline-rows:\(UInt64.random(in: 0...UInt64.max)):"

    /// The document, with a marker string in place of each `LoadDataFromDicts`'s `data`; the emitter writes the
    /// rows of `deferredRows[marker]` there.
    func document(_ pipeline: Pipeline) -> (document: Row, deferredRows: [String: InlineRows]) {
        var steps: [Value] = []
        var connections: [Value] = []
        var deferredRows: [String: InlineRows] = [:]
        for node in pipeline.nodes {
            let marker = markerPrefix + node.name
            if let dicts = node.step as? LoadDataFromDicts { deferredRows[marker] = dicts.data }
            steps.append(["step": .struct(stepRow(node, inlineDataMarker: marker)), "name": .string(node.name)])
            connections.append([
                "from": .string(node.name), "to": .list(pipeline.successors(of: node.name).map(Value.string)),
            ])
        }
        var routing: [Value] = []
        for node in pipeline.nodes {
            guard let function = pipeline.routing[node.name] else { continue }
            routing.append([
                "step": .string(node.name),
                "type_info": [
                    "module": .string(registry.module(ofRouting: function.name)), "name": .string(function.name),
                    "kwargs": .struct(function.configuration),
                ],
            ])
        }
        var pipelineRow = Row()
        pipelineRow["name"] = .string(pipeline.name)
        pipelineRow["description"] = pipeline.description.map(Value.string) ?? .null
        pipelineRow["steps"] = .list(steps)
        pipelineRow["connections"] = .list(connections)
        pipelineRow["routing_batch_functions"] = .list(routing)
        pipelineRow["type_info"] = ["module": "distilabel.pipeline.local", "name": "Pipeline"]
        let document: Row = [
            "distilabel": ["version": .string(PipelineYAML.schemaVersion), "implementation": "swift-distilabel"],
            "pipeline": .struct(pipelineRow),
            "requirements": .list([]),
        ]
        return (document, deferredRows)
    }

    func text(_ pipeline: Pipeline) throws -> String {
        let (document, deferredRows) = document(pipeline)
        return YAMLEmitter.document(document, deferredRows: deferredRows)
    }

    /// The step's fields; a `LoadDataFromDicts`'s `data` is `inlineDataMarker`, for the emitter to stream.
    private func stepRow(_ node: PipelineNode, inlineDataMarker: String) -> Row {
        var row = Row()
        row["name"] = .string(node.name)
        row["resources"] = [
            "replicas": .int(Int64(node.options.replicas)), "cpus": nil, "gpus": nil, "memory": nil, "resources": nil,
        ]
        row["input_mappings"] = sorted(node.options.inputMappings)
        row["output_mappings"] = sorted(node.options.outputMappings)
        row["use_cache"] = .bool(node.options.useCache)
        if node.kind == .generator {
            row["batch_size"] = .int(Int64(node.options.batchSize))
        } else {
            row["input_batch_size"] = .int(Int64(node.options.inputBatchSize))
        }
        let fields =
            node.step is LoadDataFromDicts
            ? ["data": .string(inlineDataMarker)]
            : (node.step as? any PipelineYAMLFieldsProviding)?.pipelineYAMLFields ?? node.step.configuration
        for (key, value) in fields.pairs {
            if key == "llm", case .struct(let llm) = value, let type = llm["type"]?.stringValue {
                row["llm"] = .struct(llmRow(llm, type: type))
            } else {
                row[key] = value
            }
        }
        row["runtime_parameters_info"] = .list(
            (node.step.runtimeParameters + nodeParameters(node)).map(runtimeParameterValue))
        row["type_info"] = ["module": .string(registry.module(ofStep: node.typeName)), "name": .string(node.typeName)]
        return row
    }

    private func llmRow(_ configuration: Row, type: String) -> Row {
        var row = Row()
        for (key, value) in configuration.pairs where key != "type" { row[key] = value }
        if row["generation_kwargs"] == nil { row["generation_kwargs"] = .struct(Row()) }
        row["type_info"] = ["module": .string(registry.module(ofLLM: type)), "name": .string(type)]
        return row
    }

    private func nodeParameters(_ node: PipelineNode) -> [RuntimeParameterInfo] {
        let replicas = RuntimeParameterInfo(
            name: "resources",
            children: [RuntimeParameterInfo(name: "replicas", description: "The number of replicas for the step.")])
        if node.kind == .generator {
            return [
                replicas,
                RuntimeParameterInfo(
                    name: "batch_size",
                    description: "The number of rows that will contain the batches generated by"
                        + " the step."),
            ]
        }
        return [
            replicas,
            RuntimeParameterInfo(
                name: "input_batch_size",
                description: "The number of rows that will contain the batches processed by the step."),
        ]
    }

    private func runtimeParameterValue(_ info: RuntimeParameterInfo) -> Value {
        if info.children.isEmpty {
            var row: Row = ["name": .string(info.name), "optional": .bool(info.isOptional)]
            if !info.description.isEmpty { row["description"] = .string(info.description) }
            return .struct(row)
        }
        return ["name": .string(info.name), "runtime_parameters_info": .list(info.children.map(runtimeParameterValue))]
    }

    private func sorted(_ mapping: [String: String]) -> Value {
        .struct(Row(mapping.keys.sorted().map { ($0, Value.string(mapping[$0]!)) }))
    }
}

/// A step whose `pipeline.yaml` fields differ from its ``Step/configuration`` (for example, because its data is
/// fingerprinted rather than configured).
public protocol PipelineYAMLFieldsProviding {
    /// The fields written for the step, read back by its registry builder.
    var pipelineYAMLFields: Row { get }
}

extension LoadDataFromDicts: PipelineYAMLFieldsProviding {
    /// The rows, as `data` (Python distilabel leaves them out; we keep them so the file can be run again). The
    /// writer streams them from ``LoadDataFromDicts/data`` instead of building this list.
    public var pipelineYAMLFields: Row { ["data": .list(rows.map(Value.struct))] }
}
