import DistilabelCore

/// Checks a JSON value against the JSON Schema keywords structured output uses: `type`, `properties`,
/// `required`, `additionalProperties: false`, `items`, `enum`, `const`, `anyOf`, `minItems`/`maxItems`,
/// `minimum`/`maximum`, `minLength`/`maxLength`. Other keywords are accepted without checks.
enum SchemaCheck {
    /// The first violation, as `path: problem`, or `nil` when `value` conforms.
    static func violation(of value: Value, schema: Value, path: String = "$") -> String? {
        guard case .struct(let schema) = schema else { return nil }
        if let types = schema["type"] {
            let allowed = types.listValue?.compactMap(\.stringValue) ?? types.stringValue.map { [$0] } ?? []
            if !allowed.isEmpty, !allowed.contains(where: { matches(value, type: $0) }) {
                return "\(path): expected \(allowed.joined(separator: " or ")), found \(value.kindName)"
            }
        }
        if let options = schema["enum"]?.listValue, !options.contains(where: { same($0, value) }) {
            return "\(path): \(value) is not one of \(Value.list(options))"
        }
        if let constant = schema["const"], !same(constant, value) {
            return "\(path): expected \(constant)"
        }
        if let anyOf = schema["anyOf"]?.listValue,
            anyOf.allSatisfy({ violation(of: value, schema: $0, path: path) != nil })
        {
            return "\(path): matches none of anyOf"
        }
        switch value {
        case .struct(let object): return objectViolation(object, schema: schema, path: path)
        case .list(let list):
            if let least = schema["minItems"]?.intValue, list.count < least {
                return "\(path): \(list.count) items, at least \(least) expected"
            }
            if let most = schema["maxItems"]?.intValue, list.count > most {
                return "\(path): \(list.count) items, at most \(most) expected"
            }
            if let items = schema["items"] {
                for (index, element) in list.enumerated() {
                    if let problem = violation(of: element, schema: items, path: "\(path)[\(index)]") { return problem }
                }
            }
        case .string(let string):
            if let least = schema["minLength"]?.intValue, string.count < least {
                return "\(path): shorter than \(least) characters"
            }
            if let most = schema["maxLength"]?.intValue, string.count > most {
                return "\(path): longer than \(most) characters"
            }
        case .int, .double:
            let number = value.doubleValue ?? 0
            if let minimum = schema["minimum"]?.doubleValue, number < minimum { return "\(path): below \(minimum)" }
            if let maximum = schema["maximum"]?.doubleValue, number > maximum { return "\(path): above \(maximum)" }
        default: break
        }
        return nil
    }

    private static func objectViolation(_ object: Row, schema: Row, path: String) -> String? {
        let properties = schema["properties"]?.structValue ?? Row()
        for name in schema["required"]?.listValue?.compactMap(\.stringValue) ?? [] where !object.contains(name) {
            return "\(path): missing required property '\(name)'"
        }
        for (name, value) in object.pairs {
            if let propertySchema = properties[name] {
                if let problem = violation(of: value, schema: propertySchema, path: "\(path).\(name)") {
                    return problem
                }
            } else if schema["additionalProperties"]?.boolValue == false {
                return "\(path): unexpected property '\(name)'"
            }
        }
        return nil
    }

    private static func matches(_ value: Value, type: String) -> Bool {
        switch (type, value) {
        case ("object", .struct), ("array", .list), ("string", .string), ("boolean", .bool), ("null", .null),
            ("integer", .int), ("number", .int), ("number", .double):
            return true
        case ("integer", .double(let double)): return double == double.rounded()
        default: return false
        }
    }

    private static func same(_ lhs: Value, _ rhs: Value) -> Bool {
        if let left = lhs.doubleValue, let right = rhs.doubleValue { return left == right }
        return lhs == rhs
    }
}
