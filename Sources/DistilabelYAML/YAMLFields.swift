import DistilabelCore
import Yams

/// The fields of one step (or of its LLM) in `pipeline.yaml`, as a registry builder reads them.
///
/// Every accessor marks its field as used; after the builder returns, a field that no builder used and that is not
/// among the fields Python distilabel writes for every step is reported as unknown, with its line.
public final class YAMLFields {
    /// The step's name in the pipeline.
    public let stepName: String
    /// The type name (`type_info.name`).
    public let typeName: String
    let file: String
    let mapping: Node.Mapping
    let registry: StepRegistry
    private(set) var used: Set<String> = ["type_info", "name"]
    private let prefix: String

    init(
        stepName: String, typeName: String, file: String, mapping: Node.Mapping, registry: StepRegistry, prefix: String
    ) {
        self.stepName = stepName
        self.typeName = typeName
        self.file = file
        self.mapping = mapping
        self.registry = registry
        self.prefix = prefix
    }

    /// The line (1-based) of `key`'s value, or of the step when the key is absent.
    public func line(of key: String) -> Int? {
        (node(key)?.mark ?? mapping.mark).map(\.line)
    }

    /// The names of the fields present, in file order.
    public var keys: [String] { mapping.keys.compactMap(\.string) }

    func node(_ key: String) -> Node? {
        mapping.first { $0.key.string == key }?.value
    }

    /// The raw value of `key`, or `nil` when absent or null.
    public func value(_ key: String) -> Value? {
        used.insert(key)
        guard let node = node(key) else { return nil }
        let value = YAMLValue.value(node)
        if value.isNull { return Optional.none }  // A plain `nil` would be `Value.null` here.
        return value
    }

    /// Marks fields as accepted and ignored (fields Python distilabel writes that have no meaning here).
    public func ignore(_ keys: String...) {
        used.formUnion(keys)
    }

    /// The error for field `key`.
    public func invalid(_ key: String, _ reason: String) -> PipelineYAMLError {
        .invalidField(file: file, step: stepName, field: prefix + key, line: line(of: key), reason: reason)
    }

    /// A string field.
    public func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let string) = value else {
            if case .list = value { throw invalid(key, "expected a string, got a list") }
            if case .struct = value { throw invalid(key, "expected a string, got a mapping") }
            return value.jsonString()
        }
        return string
    }

    /// A string field that must be present.
    public func requiredString(_ key: String) throws -> String {
        guard let string = try string(key) else { throw missing(key) }
        return string
    }

    /// A list of strings; a single string is a list of one.
    public func strings(_ key: String) throws -> [String]? {
        guard let value = value(key) else { return nil }
        switch value {
        case .string(let string): return [string]
        case .list(let elements):
            return try elements.map { element in
                guard let string = element.stringValue else {
                    throw invalid(key, "expected a list of strings, found \(element.kindName)")
                }
                return string
            }
        default: throw invalid(key, "expected a list of strings, got \(value.kindName)")
        }
    }

    /// A list of strings that must be present.
    public func requiredStrings(_ key: String) throws -> [String] {
        guard let strings = try strings(key) else { throw missing(key) }
        return strings
    }

    /// An integer field.
    public func int(_ key: String) throws -> Int? {
        guard let value = value(key) else { return nil }
        guard case .int(let int) = value else { throw invalid(key, "expected an integer, got \(value.kindName)") }
        return Int(int)
    }

    /// A number field.
    public func double(_ key: String) throws -> Double? {
        guard let value = value(key) else { return nil }
        guard let double = value.doubleValue else { throw invalid(key, "expected a number, got \(value.kindName)") }
        return double
    }

    /// A boolean field.
    public func bool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let bool) = value else { throw invalid(key, "expected true or false, got \(value.kindName)") }
        return bool
    }

    /// A mapping field as a row.
    public func row(_ key: String) throws -> Row? {
        guard let value = value(key) else { return nil }
        guard case .struct(let row) = value else { throw invalid(key, "expected a mapping, got \(value.kindName)") }
        return row
    }

    /// A mapping of strings to strings (`input_mappings`, `columns` of ExpandColumns), in file order.
    public func stringPairs(_ key: String) throws -> [(String, String)]? {
        guard let row = try row(key) else { return nil }
        return try row.pairs.map { name, value in
            guard let string = value.stringValue else {
                throw invalid(key, "expected string values, '\(name)' is \(value.kindName)")
            }
            return (name, string)
        }
    }

    /// The error for a required field that is absent.
    public func missing(_ key: String) -> PipelineYAMLError {
        .missingField(file: file, step: stepName, field: prefix + key, line: line(of: key))
    }

    /// The step's LLM, built through the registry from the `llm` field.
    public func llm() throws -> any LLM {
        used.insert("llm")
        guard let node = node("llm") else { throw missing("llm") }
        guard case .mapping(let llmMapping) = node else { throw invalid("llm", "expected a mapping") }
        return try registry.buildLLM(llmMapping, stepName: stepName, file: file)
    }

    /// Throws for the first field no accessor used, skipping `tolerated`.
    func checkAllUsed(tolerated: Set<String>) throws {
        for key in keys where !used.contains(key) && !tolerated.contains(key) {
            let valid = Array(used.union(tolerated)).filter { $0 != "type_info" }.sorted()
            throw PipelineYAMLError.unknownField(
                file: file, step: stepName, field: prefix + key, line: line(of: key), valid: valid)
        }
    }
}

extension YAMLFields {
    /// The `generation_kwargs` of the step's `llm` mapping (where Python distilabel writes them), or empty.
    public func llmGenerationKwargs() throws -> Row {
        guard let llmMapping = (node("llm"))?.mapping,
            let kwargs = llmMapping.first(where: { $0.key.string == "generation_kwargs" })?.value
        else { return Row() }
        let value = YAMLValue.value(kwargs)
        if value.isNull { return Row() }
        guard case .struct(let row) = value else {
            throw invalid("llm.generation_kwargs", "expected a mapping, got \(value.kindName)")
        }
        return row
    }
}
