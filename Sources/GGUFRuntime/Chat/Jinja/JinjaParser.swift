/// Parses Jinja tokens into statements (``JinjaNode``). Expressions are parsed in `JinjaParser+Expressions.swift`.
struct JinjaParser {
    var tokens: [JinjaToken]
    var index = 0
    let sourceMap: JinjaSourceMap

    init(tokens: [JinjaToken], sourceMap: JinjaSourceMap) {
        self.tokens = tokens
        self.sourceMap = sourceMap
    }

    /// Parses a whole template.
    mutating func parseTemplate() throws(GGUFError) -> [JinjaNode] {
        let (nodes, terminator) = try parseBody(until: [])
        if let terminator {
            throw error("unexpected '{% \(terminator.name) %}'", at: terminator.offset)
        }
        return nodes
    }

    // MARK: Token access

    var current: JinjaToken { tokens[index] }

    mutating func advance() -> JinjaToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func error(_ message: String, at offset: Int) -> GGUFError {
        let location = sourceMap.location(of: offset)
        return .templateSyntax(message: message, line: location.line, column: location.column)
    }

    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    func isName(_ name: String) -> Bool { current.kind == .name(name) }

    mutating func expectSymbol(_ symbol: String) throws(GGUFError) {
        guard isSymbol(symbol) else {
            throw error("expected '\(symbol)', found \(describe(current))", at: current.offset)
        }
        index += 1
    }

    mutating func expectName() throws(GGUFError) -> String {
        guard case .name(let name) = current.kind else {
            throw error("expected a name, found \(describe(current))", at: current.offset)
        }
        index += 1
        return name
    }

    mutating func expectKeyword(_ keyword: String) throws(GGUFError) {
        guard isName(keyword) else {
            throw error("expected '\(keyword)', found \(describe(current))", at: current.offset)
        }
        index += 1
    }

    mutating func expectBlockEnd() throws(GGUFError) {
        guard current.kind == .blockEnd else {
            throw error("expected '%}', found \(describe(current))", at: current.offset)
        }
        index += 1
    }

    func describe(_ token: JinjaToken) -> String {
        switch token.kind {
        case .text: return "template text"
        case .variableBegin: return "'{{'"
        case .variableEnd: return "'}}'"
        case .blockBegin: return "'{%'"
        case .blockEnd: return "'%}'"
        case .name(let name): return "'\(name)'"
        case .string: return "a string"
        case .integer(let value): return "'\(value)'"
        case .float(let value): return "'\(value)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "the end of the template"
        }
    }

    // MARK: Statements

    /// Parses statements until a block tag whose name is in `terminators`; returns that name (its tag is consumed up
    /// to and including the name) or nil at the end of the template.
    mutating func parseBody(
        until terminators: Set<String>
    ) throws(GGUFError) -> ([JinjaNode], (name: String, offset: Int)?) {
        var nodes: [JinjaNode] = []
        while true {
            let token = current
            switch token.kind {
            case .end:
                return (nodes, nil)
            case .text(let text):
                index += 1
                nodes.append(.text(text))
            case .variableBegin:
                index += 1
                let expression = try parseTupleExpression()
                guard current.kind == .variableEnd else {
                    throw error("expected '}}', found \(describe(current))", at: current.offset)
                }
                index += 1
                nodes.append(.output(expression, offset: token.offset))
            case .blockBegin:
                index += 1
                let nameOffset = current.offset
                let name = try expectName()
                if terminators.contains(name) { return (nodes, (name, nameOffset)) }
                nodes.append(try parseStatement(name, offset: token.offset, nameOffset: nameOffset))
            default:
                throw error("unexpected \(describe(token))", at: token.offset)
            }
        }
    }

    /// Parses a body that must end with one of `terminators`.
    mutating func parseRequiredBody(
        until terminators: Set<String>,
        openedBy opener: String,
        at offset: Int
    ) throws(GGUFError) -> ([JinjaNode], String) {
        let (nodes, terminator) = try parseBody(until: terminators)
        guard let terminator else {
            let expected = terminators.sorted().map { "'{% \($0) %}'" }.joined(separator: " or ")
            throw error("'{% \(opener) %}' is never closed: expected \(expected)", at: offset)
        }
        return (nodes, terminator.name)
    }

    private mutating func parseStatement(
        _ name: String,
        offset: Int,
        nameOffset: Int
    ) throws(GGUFError) -> JinjaNode {
        switch name {
        case "if":
            return try parseIf(offset: offset)
        case "for":
            return try parseFor(offset: offset)
        case "set":
            return try parseSet(offset: offset)
        case "macro":
            return try parseMacro(offset: offset)
        case "filter":
            let filterName = try expectName()
            var arguments: [JinjaExpression] = []
            if isSymbol("(") { arguments = try parseCallArguments().positional }
            try expectBlockEnd()
            let (body, _) = try parseRequiredBody(until: ["endfilter"], openedBy: "filter", at: offset)
            try expectBlockEnd()
            return .filterBlock(name: filterName, arguments, body: body, offset: offset)
        case "generation":
            try expectBlockEnd()
            let (body, _) = try parseRequiredBody(until: ["endgeneration"], openedBy: "generation", at: offset)
            try expectBlockEnd()
            return .group(body)
        case "break":
            try expectBlockEnd()
            return .breakLoop(offset: offset)
        case "continue":
            try expectBlockEnd()
            return .continueLoop(offset: offset)
        default:
            if name.hasPrefix("end") || name == "else" || name == "elif" {
                throw error("unexpected '{% \(name) %}'", at: nameOffset)
            }
            throw error("unsupported tag '{% \(name) %}'", at: nameOffset)
        }
    }

    private mutating func parseIf(offset: Int) throws(GGUFError) -> JinjaNode {
        var branches: [(condition: JinjaExpression, body: [JinjaNode])] = []
        var otherwise: [JinjaNode] = []
        var condition = try parseExpression()
        while true {
            try expectBlockEnd()
            let (body, terminator) = try parseRequiredBody(
                until: ["elif", "else", "endif"], openedBy: "if", at: offset)
            branches.append((condition, body))
            if terminator == "elif" {
                condition = try parseExpression()
                continue
            }
            if terminator == "else" {
                try expectBlockEnd()
                (otherwise, _) = try parseRequiredBody(until: ["endif"], openedBy: "if", at: offset)
            }
            try expectBlockEnd()
            return .conditional(branches, otherwise: otherwise, offset: offset)
        }
    }

    private mutating func parseFor(offset: Int) throws(GGUFError) -> JinjaNode {
        var targets = [try expectName()]
        while isSymbol(",") {
            index += 1
            targets.append(try expectName())
        }
        try expectKeyword("in")
        let iterable = try parseTupleExpression(allowConditional: false)
        var condition: JinjaExpression?
        if isName("if") {
            index += 1
            condition = try parseExpression()
        }
        if isName("recursive") { throw error("recursive loops are not supported", at: current.offset) }
        try expectBlockEnd()
        let (body, terminator) = try parseRequiredBody(until: ["else", "endfor"], openedBy: "for", at: offset)
        var otherwise: [JinjaNode] = []
        if terminator == "else" {
            try expectBlockEnd()
            (otherwise, _) = try parseRequiredBody(until: ["endfor"], openedBy: "for", at: offset)
        }
        try expectBlockEnd()
        let loop = JinjaForLoop(
            targets: targets, iterable: iterable, condition: condition, body: body, otherwise: otherwise)
        return .forLoop(loop, offset: offset)
    }

    private mutating func parseSet(offset: Int) throws(GGUFError) -> JinjaNode {
        let first = try expectName()
        var target = JinjaTarget.names([first])
        if isSymbol(".") {
            index += 1
            target = .attribute(first, try expectName())
        } else if isSymbol(",") {
            var names = [first]
            while isSymbol(",") {
                index += 1
                names.append(try expectName())
            }
            target = .names(names)
        }
        if isSymbol("=") {
            index += 1
            let value = try parseTupleExpression()
            try expectBlockEnd()
            return .set(target, value, offset: offset)
        }
        guard case .names(let names) = target, names.count == 1 else {
            throw error("a block '{% set %}' needs a single variable name", at: current.offset)
        }
        try expectBlockEnd()
        let (body, _) = try parseRequiredBody(until: ["endset"], openedBy: "set", at: offset)
        try expectBlockEnd()
        return .setBlock(first, body: body, offset: offset)
    }

    private mutating func parseMacro(offset: Int) throws(GGUFError) -> JinjaNode {
        let name = try expectName()
        try expectSymbol("(")
        var parameters: [(name: String, defaultValue: JinjaExpression?)] = []
        while !isSymbol(")") {
            let parameter = try expectName()
            var defaultValue: JinjaExpression?
            if isSymbol("=") {
                index += 1
                defaultValue = try parseExpression()
            }
            parameters.append((parameter, defaultValue))
            if !isSymbol(")") { try expectSymbol(",") }
        }
        index += 1
        try expectBlockEnd()
        let (body, _) = try parseRequiredBody(until: ["endmacro"], openedBy: "macro", at: offset)
        if case .name = current.kind { index += 1 }
        try expectBlockEnd()
        return .macro(JinjaMacro(name: name, parameters: parameters, body: body), offset: offset)
    }
}
