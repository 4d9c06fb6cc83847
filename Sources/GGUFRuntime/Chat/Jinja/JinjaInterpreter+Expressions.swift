/// Expression evaluation: names, literals, attributes, subscripts, operators, calls, filters and tests.
extension JinjaInterpreter {
    func evaluate(_ expression: JinjaExpression) throws(GGUFError) -> JinjaValue {
        switch expression {
        case .literal(let literal):
            return JinjaValue(literal)
        case .name(let name):
            return lookup(name)
        case .list(let items), .tuple(let items):
            var values: [JinjaValue] = []
            for item in items { values.append(try evaluate(item)) }
            return .list(values)
        case .dictionary(let entries):
            var object = JinjaObject()
            for entry in entries {
                let key = try evaluate(entry.key)
                guard case .string(let name) = key else { throw fail("only string keys are supported in dicts") }
                object[name] = try evaluate(entry.value)
            }
            return .object(object)
        case .attribute(let base, let name):
            return attribute(name, of: try evaluate(base))
        case .subscript(let base, let key):
            return try item(try evaluate(key), of: try evaluate(base))
        case .slice(let base, let start, let stop, let step):
            return try slice(
                try evaluate(base), start: try start.map(evaluate), stop: try stop.map(evaluate),
                step: try step.map(evaluate))
        case .call(let callee, let arguments, let keywords):
            return try evaluateCall(callee, arguments, keywords)
        case .filter(let base, let name, let arguments, let keywords):
            return try applyFilter(name, to: try evaluate(base), try evaluateAll(arguments), try evaluateAll(keywords))
        case .test(let base, let name, let arguments, let negated):
            let result = try applyTest(name, to: try evaluate(base), try evaluateAll(arguments))
            return .bool(result != negated)
        case .unary(let op, let operand):
            let value = try evaluate(operand)
            switch (op, value) {
            case ("not", _): return .bool(!value.isTruthy)
            case ("-", .integer(let number)): return .integer(-number)
            case ("-", .float(let number)): return .float(-number)
            case ("+", .integer), ("+", .float): return value
            default: throw fail("bad operand type for unary \(op): '\(value.typeName)'")
            }
        case .binary(let op, let left, let right):
            return try binary(op, try evaluate(left), try evaluate(right))
        case .and(let left, let right):
            let value = try evaluate(left)
            return value.isTruthy ? try evaluate(right) : value
        case .or(let left, let right):
            let value = try evaluate(left)
            return value.isTruthy ? value : try evaluate(right)
        case .conditional(let condition, let then, let otherwise):
            if try evaluate(condition).isTruthy { return try evaluate(then) }
            return try otherwise.map(evaluate) ?? .undefined
        }
    }

    private func evaluateAll(_ expressions: [JinjaExpression]) throws(GGUFError) -> [JinjaValue] {
        var values: [JinjaValue] = []
        for expression in expressions { values.append(try evaluate(expression)) }
        return values
    }

    private func evaluateAll(_ keywords: [JinjaKeywordArgument]) throws(GGUFError) -> [String: JinjaValue] {
        var values: [String: JinjaValue] = [:]
        for keyword in keywords { values[keyword.name] = try evaluate(keyword.value) }
        return values
    }

    private func evaluateCall(
        _ callee: JinjaExpression,
        _ arguments: [JinjaExpression],
        _ keywords: [JinjaKeywordArgument]
    ) throws(GGUFError) -> JinjaValue {
        let function: JinjaValue
        if case .attribute(let baseExpression, let name) = callee {
            let base = try evaluate(baseExpression)
            if Self.hasMethod(name, on: base) {
                function = .callable(.method(base, name))
            } else {
                function = attribute(name, of: base)
            }
        } else {
            function = try evaluate(callee)
        }
        guard case .callable(let callable) = function else {
            throw fail("\(describeCallee(callee)) is not callable (it is \(function.typeName))")
        }
        return try call(callable, try evaluateAll(arguments), try evaluateAll(keywords))
    }

    private func describeCallee(_ callee: JinjaExpression) -> String {
        switch callee {
        case .name(let name): return "'\(name)'"
        case .attribute(_, let name): return "'\(name)'"
        default: return "the expression"
        }
    }

    /// `value.name`: dict keys first, then methods, as jinja2's `getattr` falls back to items.
    func attribute(_ name: String, of value: JinjaValue) -> JinjaValue {
        switch value {
        case .object(let object):
            if let found = object[name] { return found }
        case .namespace(let namespace):
            return namespace.object[name] ?? .undefined
        default:
            break
        }
        return Self.hasMethod(name, on: value) ? .callable(.method(value, name)) : .undefined
    }

    /// `value[key]`.
    func item(_ key: JinjaValue, of value: JinjaValue) throws(GGUFError) -> JinjaValue {
        switch (value, key) {
        case (.list(let items), .integer(let index)):
            let resolved = index < 0 ? items.count + index : index
            return items.indices.contains(resolved) ? items[resolved] : .undefined
        case (.string(let text), .integer(let index)):
            let scalars = Array(text.unicodeScalars)
            let resolved = index < 0 ? scalars.count + index : index
            return scalars.indices.contains(resolved) ? .string(String(scalars[resolved])) : .undefined
        case (.object, .string(let name)), (.namespace, .string(let name)):
            return attribute(name, of: value)
        case (.undefined, _), (.none, _):
            return .undefined
        default:
            return .undefined
        }
    }

    private func slice(
        _ value: JinjaValue,
        start: JinjaValue?,
        stop: JinjaValue?,
        step: JinjaValue?
    ) throws(GGUFError) -> JinjaValue {
        func integer(_ bound: JinjaValue?) throws(GGUFError) -> Int? {
            switch bound {
            case nil, .none?, .undefined?: return nil
            case .integer(let number)?: return number
            default: throw fail("slice indices must be integers")
            }
        }
        let stepValue = try integer(step) ?? 1
        guard stepValue != 0 else { throw fail("slice step cannot be zero") }
        func indices(count: Int) throws(GGUFError) -> [Int] {
            func clamp(_ raw: Int?, _ fallback: Int) -> Int {
                guard let raw else { return fallback }
                let resolved = raw < 0 ? raw + count : raw
                return stepValue > 0 ? min(max(resolved, 0), count) : min(max(resolved, -1), count - 1)
            }
            let first = clamp(try integer(start), stepValue > 0 ? 0 : count - 1)
            let last = clamp(try integer(stop), stepValue > 0 ? count : -1)
            return Array(Swift.stride(from: first, to: last, by: stepValue))
        }
        switch value {
        case .list(let items):
            return .list(try indices(count: items.count).map { items[$0] })
        case .string(let text):
            let scalars = Array(text.unicodeScalars)
            var view = String.UnicodeScalarView()
            for index in try indices(count: scalars.count) { view.append(scalars[index]) }
            return .string(String(view))
        case .undefined:
            return .undefined
        default:
            throw fail("'\(value.typeName)' object cannot be sliced")
        }
    }

    func binary(_ op: String, _ left: JinjaValue, _ right: JinjaValue) throws(GGUFError) -> JinjaValue {
        switch op {
        case "==": return .bool(left.pythonEquals(right))
        case "!=": return .bool(!left.pythonEquals(right))
        case "<", ">", "<=", ">=":
            let ordered = op == "<" || op == ">=" ? left.pythonLess(right) : right.pythonLess(left)
            guard let ordered else {
                throw fail("'\(op)' not supported between '\(left.typeName)' and '\(right.typeName)'")
            }
            return .bool(op == "<" || op == ">" ? ordered : !ordered)
        case "in", "not in":
            let contained = try contains(right, left)
            return .bool(op == "in" ? contained : !contained)
        case "~":
            return .string(left.pythonString + right.pythonString)
        default:
            return try arithmetic(op, left, right)
        }
    }

    private func contains(_ container: JinjaValue, _ element: JinjaValue) throws(GGUFError) -> Bool {
        switch (container, element) {
        case (.string(let text), .string(let part)): return part.isEmpty || text.contains(part)
        case (.list(let items), _): return items.contains { $0.pythonEquals(element) }
        case (.object(let object), .string(let key)): return object[key] != nil
        case (.object, _): return false
        case (.namespace(let namespace), .string(let key)): return namespace.object[key] != nil
        case (.undefined, _): return false
        default: throw fail("'in' needs a string, list or dict on its right, not '\(container.typeName)'")
        }
    }

    private func arithmetic(
        _ op: String, _ left: JinjaValue, _ right: JinjaValue
    ) throws(GGUFError) -> JinjaValue {
        switch (op, left, right) {
        case ("+", .string(let a), .string(let b)): return .string(a + b)
        case ("+", .list(let a), .list(let b)): return .list(a + b)
        case ("*", .string(let text), .integer(let count)), ("*", .integer(let count), .string(let text)):
            return .string(String(repeating: text, count: max(0, count)))
        case ("*", .list(let items), .integer(let count)):
            return .list(Array(repeating: items, count: max(0, count)).flatMap { $0 })
        case (_, .integer(let a), .integer(let b)):
            switch op {
            case "+": return .integer(a &+ b)
            case "-": return .integer(a &- b)
            case "*": return .integer(a &* b)
            case "/":
                guard b != 0 else { throw fail("division by zero") }
                return .float(Double(a) / Double(b))
            case "//", "%":
                guard b != 0 else { throw fail("integer division or modulo by zero") }
                let quotient = Int((Double(a) / Double(b)).rounded(.down))
                return op == "//" ? .integer(quotient) : .integer(a - quotient * b)
            case "**":
                if b >= 0 {
                    var result = 1
                    for _ in 0..<b { result &*= a }
                    return .integer(result)
                }
                return .float(Double.pow(Double(a), Double(b)))
            default: break
            }
        default:
            if let a = left.number, let b = right.number, !(left.isString || right.isString) {
                switch op {
                case "+": return .float(a + b)
                case "-": return .float(a - b)
                case "*": return .float(a * b)
                case "/":
                    guard b != 0 else { throw fail("division by zero") }
                    return .float(a / b)
                case "//": return .float((a / b).rounded(.down))
                case "%": return .float(a - (a / b).rounded(.down) * b)
                case "**": return .float(Double.pow(a, b))
                default: break
                }
            }
        }
        throw fail("unsupported operand types for \(op): '\(left.typeName)' and '\(right.typeName)'")
    }
}

extension JinjaValue {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}

extension Double {
    fileprivate static func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        if exponent == exponent.rounded(), abs(exponent) < 64 {
            for _ in 0..<Int(abs(exponent)) { result *= base }
            return exponent < 0 ? 1 / result : result
        }
        return Double.nan
    }
}
