/// Expression grammar, following jinja2's precedence: conditional < or < and < not < comparison < `+ -` < `~`
/// < `* / // %` < `**` < unary `- +` < primary with postfix (`.x`, `[i]`, `(…)`), filters (`|f`) and tests (`is t`).
extension JinjaParser {
    /// An expression, or a tuple when commas separate several (`a, b`).
    mutating func parseTupleExpression(allowConditional: Bool = true) throws(GGUFError) -> JinjaExpression {
        let first = try parseExpression(allowConditional: allowConditional)
        guard isSymbol(",") else { return first }
        var items = [first]
        while isSymbol(",") {
            index += 1
            if current.kind == .blockEnd || current.kind == .variableEnd || isSymbol(")") { break }
            items.append(try parseExpression(allowConditional: allowConditional))
        }
        return .tuple(items)
    }

    mutating func parseExpression(allowConditional: Bool = true) throws(GGUFError) -> JinjaExpression {
        let value = try parseOr()
        guard allowConditional, isName("if") else { return value }
        index += 1
        let condition = try parseOr()
        var otherwise: JinjaExpression?
        if isName("else") {
            index += 1
            otherwise = try parseExpression()
        }
        return .conditional(condition: condition, then: value, otherwise: otherwise)
    }

    private mutating func parseOr() throws(GGUFError) -> JinjaExpression {
        var left = try parseAnd()
        while isName("or") {
            index += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(GGUFError) -> JinjaExpression {
        var left = try parseNot()
        while isName("and") {
            index += 1
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(GGUFError) -> JinjaExpression {
        if isName("not") {
            index += 1
            return .unary("not", try parseNot())
        }
        return try parseComparison()
    }

    private static let comparisonSymbols: Set<String> = ["==", "!=", "<", ">", "<=", ">="]

    private mutating func parseComparison() throws(GGUFError) -> JinjaExpression {
        var left = try parseAdditive()
        while true {
            if case .symbol(let symbol) = current.kind, Self.comparisonSymbols.contains(symbol) {
                index += 1
                left = .binary(symbol, left, try parseAdditive())
            } else if isName("in") {
                index += 1
                left = .binary("in", left, try parseAdditive())
            } else if isName("not"), index + 1 < tokens.count, tokens[index + 1].kind == .name("in") {
                index += 2
                left = .binary("not in", left, try parseAdditive())
            } else {
                return left
            }
        }
    }

    private mutating func parseAdditive() throws(GGUFError) -> JinjaExpression {
        var left = try parseConcatenation()
        while isSymbol("+") || isSymbol("-") {
            guard case .symbol(let symbol) = advance().kind else { break }
            left = .binary(symbol, left, try parseConcatenation())
        }
        return left
    }

    private mutating func parseConcatenation() throws(GGUFError) -> JinjaExpression {
        var left = try parseMultiplicative()
        while isSymbol("~") {
            index += 1
            left = .binary("~", left, try parseMultiplicative())
        }
        return left
    }

    private mutating func parseMultiplicative() throws(GGUFError) -> JinjaExpression {
        var left = try parsePower()
        while isSymbol("*") || isSymbol("/") || isSymbol("//") || isSymbol("%") {
            guard case .symbol(let symbol) = advance().kind else { break }
            left = .binary(symbol, left, try parsePower())
        }
        return left
    }

    private mutating func parsePower() throws(GGUFError) -> JinjaExpression {
        var left = try parseUnary()
        while isSymbol("**") {
            index += 1
            left = .binary("**", left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary(withFilter: Bool = true) throws(GGUFError) -> JinjaExpression {
        var node: JinjaExpression
        if isSymbol("-") || isSymbol("+") {
            guard case .symbol(let symbol) = advance().kind else { throw error("internal", at: current.offset) }
            node = .unary(symbol, try parseUnary(withFilter: false))
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        if withFilter { node = try parseFilterExpression(node) }
        return node
    }

    private mutating func parsePrimary() throws(GGUFError) -> JinjaExpression {
        let token = advance()
        switch token.kind {
        case .name(let name):
            switch name {
            case "true", "True": return .literal(.bool(true))
            case "false", "False": return .literal(.bool(false))
            case "none", "None": return .literal(.none)
            default: return .name(name)
            }
        case .string(var value):
            while case .string(let next) = current.kind {
                value += next
                index += 1
            }
            return .literal(.string(value))
        case .integer(let value):
            return .literal(.integer(value))
        case .float(let value):
            return .literal(.float(value))
        case .symbol("("):
            if isSymbol(")") {
                index += 1
                return .tuple([])
            }
            let inner = try parseTupleExpression()
            try expectSymbol(")")
            return inner
        case .symbol("["):
            var items: [JinjaExpression] = []
            while !isSymbol("]") {
                items.append(try parseExpression())
                if !isSymbol("]") { try expectSymbol(",") }
            }
            index += 1
            return .list(items)
        case .symbol("{"):
            var entries: [(key: JinjaExpression, value: JinjaExpression)] = []
            while !isSymbol("}") {
                let key = try parseExpression()
                try expectSymbol(":")
                entries.append((key, try parseExpression()))
                if !isSymbol("}") { try expectSymbol(",") }
            }
            index += 1
            return .dictionary(entries)
        default:
            throw error("unexpected \(describe(token)) in expression", at: token.offset)
        }
    }

    private mutating func parsePostfix(_ base: JinjaExpression) throws(GGUFError) -> JinjaExpression {
        var node = base
        while true {
            if isSymbol(".") {
                index += 1
                if case .integer(let value) = current.kind {
                    index += 1
                    node = .subscript(node, .literal(.integer(value)))
                } else {
                    node = .attribute(node, try expectName())
                }
            } else if isSymbol("[") {
                index += 1
                node = try parseSubscript(node)
            } else if isSymbol("(") {
                let arguments = try parseCallArguments()
                node = .call(node, arguments.positional, arguments.keyword)
            } else {
                return node
            }
        }
    }

    private mutating func parseSubscript(_ base: JinjaExpression) throws(GGUFError) -> JinjaExpression {
        var parts: [JinjaExpression?] = [nil]
        var isSlice = false
        while !isSymbol("]") {
            if isSymbol(":") {
                index += 1
                isSlice = true
                parts.append(nil)
                continue
            }
            guard parts[parts.count - 1] == nil else { throw error("expected ']'", at: current.offset) }
            parts[parts.count - 1] = try parseExpression()
        }
        index += 1
        if !isSlice {
            guard let key = parts[0] else { throw error("empty subscript", at: current.offset) }
            return .subscript(base, key)
        }
        guard parts.count <= 3 else { throw error("too many ':' in slice", at: current.offset) }
        return .slice(
            base, start: parts[0], stop: parts.count > 1 ? parts[1] : nil, step: parts.count > 2 ? parts[2] : nil)
    }

    mutating func parseCallArguments() throws(GGUFError) -> (
        positional: [JinjaExpression], keyword: [JinjaKeywordArgument]
    ) {
        try expectSymbol("(")
        var positional: [JinjaExpression] = []
        var keyword: [JinjaKeywordArgument] = []
        while !isSymbol(")") {
            if case .name(let name) = current.kind, index + 1 < tokens.count, tokens[index + 1].kind == .symbol("=") {
                index += 2
                keyword.append(JinjaKeywordArgument(name: name, value: try parseExpression()))
            } else {
                if isSymbol("*") || isSymbol("**") {
                    throw error("'*' and '**' arguments are not supported", at: current.offset)
                }
                positional.append(try parseExpression())
            }
            if !isSymbol(")") { try expectSymbol(",") }
        }
        index += 1
        return (positional, keyword)
    }

    private static let wordsEndingTestArgument: Set<String> = ["else", "or", "and", "if", "in", "not", "is"]

    private mutating func parseFilterExpression(_ base: JinjaExpression) throws(GGUFError) -> JinjaExpression {
        var node = base
        while true {
            if isSymbol("|") {
                index += 1
                var name = try expectName()
                while isSymbol(".") {
                    index += 1
                    name += "." + (try expectName())
                }
                var arguments: (positional: [JinjaExpression], keyword: [JinjaKeywordArgument]) = ([], [])
                if isSymbol("(") { arguments = try parseCallArguments() }
                node = .filter(node, name: name, arguments.positional, arguments.keyword)
            } else if isName("is") {
                index += 1
                var negated = false
                if isName("not") {
                    index += 1
                    negated = true
                }
                let name = try expectName()
                var arguments: [JinjaExpression] = []
                if isSymbol("(") {
                    arguments = try parseCallArguments().positional
                } else if startsTestArgument() {
                    arguments = [try parsePostfix(try parsePrimary())]
                }
                node = .test(node, name: name, arguments, negated: negated)
            } else if isSymbol("(") {
                let arguments = try parseCallArguments()
                node = .call(node, arguments.positional, arguments.keyword)
            } else {
                return node
            }
        }
    }

    private func startsTestArgument() -> Bool {
        switch current.kind {
        case .name(let name): return !Self.wordsEndingTestArgument.contains(name)
        case .string, .integer, .float: return true
        case .symbol(let symbol): return symbol == "[" || symbol == "{"
        default: return false
        }
    }
}
