/// The jinja2 tests (`x is defined`, `x is string`, …).
extension JinjaInterpreter {
    func applyTest(_ name: String, to value: JinjaValue, _ arguments: [JinjaValue]) throws(GGUFError) -> Bool {
        let argument = arguments.first ?? .undefined
        switch name {
        case "defined": return !value.isUndefined
        case "undefined": return value.isUndefined
        case "none":
            if case .none = value { return true }
            return false
        case "true", "false":
            if case .bool(let flag) = value { return flag == (name == "true") }
            return false
        case "boolean":
            if case .bool = value { return true }
            return false
        case "string": return value.isString
        case "number", "integer", "float":
            switch value {
            case .integer: return name != "float"
            case .float: return name != "integer"
            default: return false
            }
        case "mapping":
            switch value {
            case .object, .namespace: return true
            default: return false
            }
        case "sequence", "iterable":
            switch value {
            case .list, .string, .object: return true
            default: return false
            }
        case "callable":
            if case .callable = value { return true }
            return false
        case "odd", "even":
            guard case .integer(let number) = value else { throw fail("'\(name)' test needs an integer") }
            return (number % 2 != 0) == (name == "odd")
        case "divisibleby":
            guard case .integer(let number) = value, case .integer(let divisor) = argument, divisor != 0 else {
                throw fail("'divisibleby' test needs integers")
            }
            return number % divisor == 0
        case "eq", "equalto", "==", "sameas": return value.pythonEquals(argument)
        case "ne", "!=": return !value.pythonEquals(argument)
        case "lt", "lessthan", "<": return try binary("<", value, argument).isTruthy
        case "le", "<=": return try binary("<=", value, argument).isTruthy
        case "gt", "greaterthan", ">": return try binary(">", value, argument).isTruthy
        case "ge", ">=": return try binary(">=", value, argument).isTruthy
        case "in": return try binary("in", value, argument).isTruthy
        case "lower", "upper":
            guard case .string(let text) = value else { return false }
            return name == "lower" ? text == text.lowercased() : text == text.uppercased()
        default:
            throw fail("unsupported test '\(name)'")
        }
    }
}
