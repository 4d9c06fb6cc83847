import ArgumentParser
import Distilabel
import DistilabelYAML
import Foundation

/// `distilabel pipeline info --config PATH`.
struct PipelineInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a pipeline: its steps, their runtime parameters, connections and routing.")

    @Option(name: .long, help: ArgumentHelp("The pipeline.yaml to describe.", valueName: "path"))
    var config: String

    func run() async throws {
        let pipeline = try PipelineYAML.read(from: URL(fileURLWithPath: config), registry: DistilabelCLI.registry)
        print(PipelineDescription.render(pipeline), terminator: "")
    }
}

/// The text `pipeline info` prints.
enum PipelineDescription {
    static func render(_ pipeline: Pipeline) -> String {
        var lines: [String] = []
        lines.append("Pipeline: \(pipeline.name)")
        if let description = pipeline.description, !description.isEmpty { lines.append("Description: \(description)") }
        lines.append("")
        lines.append("Steps:")
        for node in pipeline.nodes {
            lines.append("  \(node.name) (\(node.typeName), \(node.kind.rawValue))")
            var parameters = node.step.runtimeParameters
            parameters.append(
                node.kind == .generator
                    ? RuntimeParameterInfo(
                        name: "batch_size",
                        description: "Rows per batch the step generates (now \(node.options.batchSize)).")
                    : RuntimeParameterInfo(
                        name: "input_batch_size",
                        description: "Rows per batch the step receives (now \(node.options.inputBatchSize))."))
            lines.append("    Runtime parameters:")
            for parameter in parameters { append(parameter, prefix: "", to: &lines) }
        }
        lines.append("")
        lines.append("Connections:")
        var any = false
        for node in pipeline.nodes {
            let successors = pipeline.successors(of: node.name)
            guard !successors.isEmpty else { continue }
            any = true
            lines.append("  \(node.name) -> \(successors.joined(separator: ", "))")
        }
        if !any { lines.append("  (none)") }
        lines.append("")
        lines.append("Routing batch functions:")
        let routed = pipeline.nodes.filter { pipeline.routing[$0.name] != nil }
        if routed.isEmpty { lines.append("  (none)") }
        for node in routed {
            let function = pipeline.routing[node.name]!
            let arguments = function.configuration.pairs.map { "\($0.0)=\($0.1.jsonString())" }.joined(separator: ", ")
            lines.append("  \(node.name): \(function.name)(\(arguments))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func append(_ parameter: RuntimeParameterInfo, prefix: String, to lines: inout [String]) {
        let name = prefix + parameter.name
        if parameter.children.isEmpty {
            let requirement = parameter.isOptional ? "optional" : "required"
            let description = parameter.description.isEmpty ? "" : ": \(parameter.description)"
            lines.append("      - \(name) (\(requirement))\(description)")
        } else {
            for child in parameter.children { append(child, prefix: name + ".", to: &lines) }
        }
    }
}
