/// The hashes that identify a pipeline and each of its steps.
///
/// Algorithm, version 1: each step is described as canonical JSON (type name, configuration, data fingerprint,
/// mappings with sorted keys, batch size); a step's cache key is the SHA-1 of its description, the routing function
/// of the step it receives routed batches from, and its predecessors' cache keys in order; the pipeline's signature
/// is the SHA-1 of `signature-v1` and every step's name and cache key in the order the steps were added. Replica
/// counts, `use_cache`, the cache location, the log level and secrets are not in it.
public struct PipelineSignature: Sendable, Hashable {
    /// The version of this algorithm, recorded in the cache.
    public static let algorithmVersion = 1

    /// The pipeline's signature: 40 hex characters.
    public var signature: String
    /// Each step's cache key, by step name.
    public var stepKeys: [String: String]

    /// Computes the signature of a pipeline whose runtime parameters have been applied.
    public static func compute(for pipeline: Pipeline) async throws -> PipelineSignature {
        var keys: [String: String] = [:]
        for name in pipeline.topologicalOrder {
            guard let node = pipeline.node(name) else { continue }
            var hasher = SHA1()
            hasher.update(try await describe(node).jsonString())
            if let source = pipeline.routingSource(of: name), let function = pipeline.routing[source] {
                hasher.update("|routing:\(function.name):\(Value.struct(function.configuration).jsonString())")
                hasher.update("|siblings:\(pipeline.successors(of: source).joined(separator: ","))")
            }
            for predecessor in pipeline.predecessors(of: name) {
                hasher.update("|after:\(predecessor):\(keys[predecessor] ?? "")")
            }
            keys[name] = hasher.hexDigest()
        }
        var hasher = SHA1()
        hasher.update("signature-v\(algorithmVersion)")
        for node in pipeline.nodes {
            hasher.update("|\(node.name)=\(keys[node.name] ?? "")")
        }
        return PipelineSignature(signature: hasher.hexDigest(), stepKeys: keys)
    }

    /// The canonical description of one step, as hashed.
    static func describe(_ node: PipelineNode) async throws -> Value {
        var description = Row()
        description["type"] = .string(node.typeName)
        description["configuration"] = .struct(node.step.configuration)
        if let fingerprint = try await node.step.dataFingerprint() {
            description["data_fingerprint"] = .string(fingerprint)
        }
        description["input_mappings"] = sortedStruct(node.options.inputMappings)
        description["output_mappings"] = sortedStruct(node.options.outputMappings)
        description["batch_size"] = .int(Int64(node.effectiveBatchSize))
        return .struct(description)
    }

    private static func sortedStruct(_ mapping: [String: String]) -> Value {
        .struct(Row(mapping.keys.sorted().map { ($0, Value.string(mapping[$0]!)) }))
    }
}
