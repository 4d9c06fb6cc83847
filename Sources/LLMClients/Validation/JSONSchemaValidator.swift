/// Checks a JSON value against the common subset of JSON Schema used for structured output.
///
/// Supported keywords: `type` (a name or a list), `properties`, `required`, `additionalProperties` (`false` or a
/// schema), `items`, `enum`, `const`, `minItems`, `maxItems`, `minimum`, `maximum`, `minLength`, `maxLength`,
/// `anyOf`, `oneOf` and `allOf`. Other keywords are ignored.
public struct JSONSchemaValidator: Sendable {
    /// The schema.
    public let schema: JSONValue

    /// Creates a validator for `schema`.
    public init(schema: JSONValue) {
        self.schema = schema
    }

    /// The first violation found, as a message naming its path (`$.items[2].name`), or `nil` when `value` conforms.
    public func firstViolation(in value: JSONValue) -> String? {
        Self.check(value, against: schema, path: "$")
    }

    /// Parses `text` as JSON and validates it; returns the violation or `nil`.
    public func firstViolation(inText text: String) -> String? {
        guard let value = JSONValue(parsing: text) else { return "the reply is not valid JSON" }
        return firstViolation(in: value)
    }

    private static func check(_ value: JSONValue, against schema: JSONValue, path: String) -> String? {
        guard case .object = schema else { return nil }
        if let types = schema["type"] {
            let names = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue].compactMap { $0 }
            if !names.isEmpty, !names.contains(where: { matches(value, type: $0) }) {
                return "\(path) should be \(names.joined(separator: " or ")), found \(typeName(of: value))"
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(where: { equal($0, value) }) {
            return "\(path) is not one of the allowed values"
        }
        if let constant = schema["const"], !equal(constant, value) {
            return "\(path) should equal \(constant.canonicalJSON)"
        }
        if let failure = checkComposition(value, schema, path) { return failure }
        switch value {
        case .object(let fields): return checkObject(fields, schema, path)
        case .array(let items): return checkArray(items, schema, path)
        case .string(let text): return checkBounds(Double(text.count), schema, path, "minLength", "maxLength")
        case .integer, .number:
            return checkBounds(value.doubleValue ?? 0, schema, path, "minimum", "maximum")
        default: return nil
        }
    }

    private static func checkComposition(_ value: JSONValue, _ schema: JSONValue, _ path: String) -> String? {
        if let all = schema["allOf"]?.arrayValue {
            for sub in all { if let failure = check(value, against: sub, path: path) { return failure } }
        }
        if let any = schema["anyOf"]?.arrayValue, !any.contains(where: { check(value, against: $0, path: path) == nil })
        {
            return "\(path) matches none of the anyOf schemas"
        }
        if let one = schema["oneOf"]?.arrayValue,
            one.filter({ check(value, against: $0, path: path) == nil }).count != 1
        {
            return "\(path) does not match exactly one of the oneOf schemas"
        }
        return nil
    }

    private static func checkObject(_ fields: [String: JSONValue], _ schema: JSONValue, _ path: String) -> String? {
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where fields[name] == nil {
            return "\(path) is missing the required property \"\(name)\""
        }
        let properties: [String: JSONValue]
        if case .object(let declared) = schema["properties"] { properties = declared } else { properties = [:] }
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
            if let sub = properties[name] {
                if let failure = check(field, against: sub, path: "\(path).\(name)") { return failure }
            } else if let extra = schema["additionalProperties"] {
                if case .bool(false) = extra { return "\(path) has the unexpected property \"\(name)\"" }
                if let failure = check(field, against: extra, path: "\(path).\(name)") { return failure }
            }
        }
        return nil
    }

    private static func checkArray(_ items: [JSONValue], _ schema: JSONValue, _ path: String) -> String? {
        if let failure = checkBounds(Double(items.count), schema, path, "minItems", "maxItems") { return failure }
        guard let itemSchema = schema["items"] else { return nil }
        for (index, item) in items.enumerated() {
            if let failure = check(item, against: itemSchema, path: "\(path)[\(index)]") { return failure }
        }
        return nil
    }

    private static func checkBounds(
        _ measure: Double, _ schema: JSONValue, _ path: String, _ minKey: String, _ maxKey: String
    ) -> String? {
        if let minimum = schema[minKey]?.doubleValue, measure < minimum {
            return "\(path) violates \(minKey) \(schema[minKey]!.canonicalJSON)"
        }
        if let maximum = schema[maxKey]?.doubleValue, measure > maximum {
            return "\(path) violates \(maxKey) \(schema[maxKey]!.canonicalJSON)"
        }
        return nil
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object):
            return true
        case ("number", .integer), ("number", .number): return true
        case ("integer", .integer): return true
        case ("integer", .number(let number)): return number.rounded() == number
        default: return false
        }
    }

    private static func typeName(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    private static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = lhs.doubleValue, let right = rhs.doubleValue { return left == right }
        return lhs == rhs
    }
}
