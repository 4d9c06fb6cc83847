/// Renders parsed template statements. One interpreter renders one template once; it is not shared.
final class JinjaInterpreter {
    enum Flow {
        case normal, breakLoop, continueLoop
    }

    private var scopes: [[String: JinjaValue]]
    private var output = ""
    /// Offset of the statement being executed, for error positions.
    private var offset = 0
    private var loopDepth = 0
    private let sourceMap: JinjaSourceMap

    init(globals: [String: JinjaValue], sourceMap: JinjaSourceMap) {
        scopes = [globals]
        self.sourceMap = sourceMap
    }

    func render(_ nodes: [JinjaNode]) throws(GGUFError) -> String {
        output = ""
        _ = try execute(nodes)
        return output
    }

    /// An error at the statement being executed.
    func fail(_ message: String) -> GGUFError {
        let location = sourceMap.location(of: offset)
        return .templateRuntime(message: message, line: location.line, column: location.column)
    }

    // MARK: Variables

    func lookup(_ name: String) -> JinjaValue {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        if Self.builtinFunctions.contains(name) { return .callable(.builtin(name)) }
        return .undefined
    }

    private func assign(_ name: String, _ value: JinjaValue) {
        scopes[scopes.count - 1][name] = value
    }

    // MARK: Statements

    private func execute(_ nodes: [JinjaNode]) throws(GGUFError) -> Flow {
        for node in nodes {
            let flow = try execute(node)
            if flow != .normal { return flow }
        }
        return .normal
    }

    private func execute(_ node: JinjaNode) throws(GGUFError) -> Flow {
        switch node {
        case .text(let text):
            output += text
        case .output(let expression, let at):
            offset = at
            output += try evaluate(expression).pythonString
        case .conditional(let branches, let otherwise, let at):
            offset = at
            for branch in branches where try evaluate(branch.condition).isTruthy {
                return try execute(branch.body)
            }
            return try execute(otherwise)
        case .forLoop(let loop, let at):
            offset = at
            return try executeLoop(loop)
        case .set(let target, let expression, let at):
            offset = at
            try assign(target, try evaluate(expression))
        case .setBlock(let name, let body, let at):
            offset = at
            assign(name, .string(try capture(body)))
        case .macro(let macro, let at):
            offset = at
            assign(macro.name, .callable(.macro(macro)))
        case .filterBlock(let name, let arguments, let body, let at):
            offset = at
            let text = JinjaValue.string(try capture(body))
            var values: [JinjaValue] = []
            for argument in arguments { values.append(try evaluate(argument)) }
            output += try applyFilter(name, to: text, values, [:]).pythonString
        case .group(let body):
            return try execute(body)
        case .breakLoop(let at):
            offset = at
            guard loopDepth > 0 else { throw fail("'break' outside of a loop") }
            return .breakLoop
        case .continueLoop(let at):
            offset = at
            guard loopDepth > 0 else { throw fail("'continue' outside of a loop") }
            return .continueLoop
        }
        return .normal
    }

    private func assign(_ target: JinjaTarget, _ value: JinjaValue) throws(GGUFError) {
        switch target {
        case .names(let names) where names.count == 1:
            assign(names[0], value)
        case .names(let names):
            let items = try unpack(value, count: names.count)
            for (name, item) in zip(names, items) { assign(name, item) }
        case .attribute(let name, let attribute):
            guard case .namespace(let namespace) = lookup(name) else {
                throw fail("cannot assign attribute '\(attribute)' on '\(name)': it is not a namespace()")
            }
            namespace.object[attribute] = value
        }
    }

    private func unpack(_ value: JinjaValue, count: Int) throws(GGUFError) -> [JinjaValue] {
        guard case .list(let items) = value, items.count == count else {
            throw fail("cannot unpack \(value.typeName) into \(count) variables")
        }
        return items
    }

    /// Renders statements into a string instead of the output.
    func capture(_ nodes: [JinjaNode]) throws(GGUFError) -> String {
        let saved = output
        output = ""
        defer { output = saved }
        _ = try execute(nodes)
        return output
    }

    private func executeLoop(_ loop: JinjaForLoop) throws(GGUFError) -> Flow {
        let iterable = try evaluate(loop.iterable)
        var items = try iterate(iterable)
        if let condition = loop.condition {
            var kept: [JinjaValue] = []
            scopes.append([:])
            for item in items {
                try bindTargets(loop.targets, item)
                if try evaluate(condition).isTruthy { kept.append(item) }
            }
            scopes.removeLast()
            items = kept
        }
        if items.isEmpty { return try execute(loop.otherwise) }
        scopes.append([:])
        loopDepth += 1
        defer {
            scopes.removeLast()
            loopDepth -= 1
        }
        for (position, item) in items.enumerated() {
            scopes[scopes.count - 1] = [:]
            try bindTargets(loop.targets, item)
            assign("loop", .object(loopObject(position: position, items: items)))
            if try execute(loop.body) == .breakLoop { break }
        }
        return .normal
    }

    private func bindTargets(_ targets: [String], _ item: JinjaValue) throws(GGUFError) {
        if targets.count == 1 {
            assign(targets[0], item)
        } else {
            for (name, value) in zip(targets, try unpack(item, count: targets.count)) { assign(name, value) }
        }
    }

    private func loopObject(position: Int, items: [JinjaValue]) -> JinjaObject {
        var loop = JinjaObject()
        loop["index"] = .integer(position + 1)
        loop["index0"] = .integer(position)
        loop["revindex"] = .integer(items.count - position)
        loop["revindex0"] = .integer(items.count - position - 1)
        loop["first"] = .bool(position == 0)
        loop["last"] = .bool(position == items.count - 1)
        loop["length"] = .integer(items.count)
        loop["previtem"] = position > 0 ? items[position - 1] : .undefined
        loop["nextitem"] = position + 1 < items.count ? items[position + 1] : .undefined
        loop["depth"] = .integer(1)
        loop["depth0"] = .integer(0)
        loop["cycle"] = .callable(.cycle(position))
        return loop
    }

    /// The items a `for` loop visits: list items, dict keys, string characters.
    func iterate(_ value: JinjaValue) throws(GGUFError) -> [JinjaValue] {
        switch value {
        case .list(let items): return items
        case .object(let object): return object.keys.map { .string($0) }
        case .string(let text): return text.unicodeScalars.map { .string(String($0)) }
        case .undefined: return []
        default: throw fail("'\(value.typeName)' object is not iterable")
        }
    }

    // MARK: Calls

    static let builtinFunctions: Set<String> = ["range", "namespace", "raise_exception", "strftime_now", "dict"]

    func call(
        _ callable: JinjaCallable,
        _ arguments: [JinjaValue],
        _ keywords: [String: JinjaValue]
    ) throws(GGUFError) -> JinjaValue {
        switch callable {
        case .builtin(let name):
            return try callBuiltin(name, arguments, keywords)
        case .method(let base, let name):
            guard let result = try callMethod(name, on: base, arguments, keywords) else {
                throw fail("'\(base.typeName)' object has no method '\(name)'")
            }
            return result
        case .cycle(let position):
            guard !arguments.isEmpty else { throw fail("loop.cycle() needs at least one value") }
            return arguments[position % arguments.count]
        case .macro(let macro):
            var frame: [String: JinjaValue] = [:]
            for (index, parameter) in macro.parameters.enumerated() {
                if index < arguments.count {
                    frame[parameter.name] = arguments[index]
                } else if let value = keywords[parameter.name] {
                    frame[parameter.name] = value
                } else if let defaultValue = parameter.defaultValue {
                    frame[parameter.name] = try evaluate(defaultValue)
                } else {
                    frame[parameter.name] = .undefined
                }
            }
            let savedOffset = offset
            let savedDepth = loopDepth
            scopes.append(frame)
            loopDepth = 0
            defer {
                scopes.removeLast()
                loopDepth = savedDepth
                offset = savedOffset
            }
            return .string(try capture(macro.body))
        }
    }

    private func callBuiltin(
        _ name: String,
        _ arguments: [JinjaValue],
        _ keywords: [String: JinjaValue]
    ) throws(GGUFError) -> JinjaValue {
        switch name {
        case "range":
            let bounds = try arguments.map { (value) throws(GGUFError) -> Int in
                guard case .integer(let number) = value else { throw fail("range() needs integers") }
                return number
            }
            let (start, stop, step) =
                bounds.count == 1
                ? (0, bounds[0], 1)
                : (bounds.first ?? 0, bounds.count > 1 ? bounds[1] : 0, bounds.count > 2 ? bounds[2] : 1)
            guard step != 0 else { throw fail("range() step must not be zero") }
            return .list(Swift.stride(from: start, to: stop, by: step).map { .integer($0) })
        case "namespace", "dict":
            var object = JinjaObject()
            if case .object(let initial)? = arguments.first { object = initial }
            for key in keywords.keys.sorted() { object[key] = keywords[key] }
            if name == "dict" { return .object(object) }
            let namespace = JinjaNamespace()
            namespace.object = object
            return .namespace(namespace)
        case "raise_exception":
            throw fail("the template raised an exception: \(arguments.first?.pythonString ?? "")")
        case "strftime_now":
            guard case .string(let format)? = arguments.first else { throw fail("strftime_now() needs a format") }
            return .string(JinjaClock.formatNow(format))
        default:
            throw fail("unknown function '\(name)'")
        }
    }
}
