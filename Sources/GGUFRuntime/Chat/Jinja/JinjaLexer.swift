/// Splits a Jinja template into tokens, applying whitespace control the way Python's jinja2 does with
/// `trim_blocks` and `lstrip_blocks` enabled (the configuration Hugging Face transformers uses for chat templates).
///
/// - `{%-`, `{{-`, `{#-` strip all whitespace before the tag; `-%}`, `-}}`, `-#}` strip all whitespace after it.
/// - `trim_blocks`: the first newline after a block or comment tag is removed (`+%}` keeps it).
/// - `lstrip_blocks`: spaces and tabs from the start of a line up to a block or comment tag are removed (`{%+` keeps
///   them).
/// - A single trailing newline at the end of the template is removed (`keep_trailing_newline` is off).
struct JinjaLexer {
    let scalars: [Unicode.Scalar]
    let sourceMap: JinjaSourceMap
    private var tokens: [JinjaToken] = []
    private var pos = 0
    private var lineStarting = true

    init(source: String) {
        var normalized: [Unicode.Scalar] = []
        normalized.reserveCapacity(source.unicodeScalars.count)
        var previousWasCR = false
        for scalar in source.unicodeScalars {
            if scalar == "\r" {
                normalized.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            normalized.append(scalar)
        }
        if normalized.last == "\n" { normalized.removeLast() }
        scalars = normalized
        sourceMap = JinjaSourceMap(scalars: normalized)
    }

    func syntaxError(_ message: String, at offset: Int) -> GGUFError {
        let location = sourceMap.location(of: offset)
        return .templateSyntax(message: message, line: location.line, column: location.column)
    }

    /// Tokenizes the whole template.
    mutating func tokenize() throws(GGUFError) -> [JinjaToken] {
        let count = scalars.count
        while pos < count {
            guard let open = nextOpener(from: pos) else {
                appendText(pos..<count)
                break
            }
            let kind = scalars[open + 1]
            var after = open + 2
            var modifier: Unicode.Scalar?
            if after < count, scalars[after] == "-" || scalars[after] == "+" {
                modifier = scalars[after]
                after += 1
            }
            var textEnd = open
            if modifier == "-" {
                while textEnd > pos, scalars[textEnd - 1].properties.isWhitespace { textEnd -= 1 }
            } else if modifier != "+" && kind != "{" {
                textEnd = lstripEnd(pos..<open)
            }
            appendText(pos..<textEnd)
            pos = after
            switch kind {
            case "#":
                try lexComment(openedAt: open)
            case "{":
                tokens.append(JinjaToken(kind: .variableBegin, offset: open))
                try lexTag(isBlock: false, openedAt: open)
            default:
                tokens.append(JinjaToken(kind: .blockBegin, offset: open))
                try lexTag(isBlock: true, openedAt: open)
            }
        }
        tokens.append(JinjaToken(kind: .end, offset: count))
        return tokens
    }

    private func nextOpener(from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "{" {
                let next = scalars[index + 1]
                if next == "{" || next == "%" || next == "#" { return index }
            }
            index += 1
        }
        return nil
    }

    /// `lstrip_blocks`: where the text before a block tag ends once trailing line-leading whitespace is removed.
    private func lstripEnd(_ range: Range<Int>) -> Int {
        var lineStart = range.upperBound
        while lineStart > range.lowerBound, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        let hasNewline = lineStart > range.lowerBound
        guard hasNewline || lineStarting, lineStart < range.upperBound else { return range.upperBound }
        for index in lineStart..<range.upperBound where !scalars[index].properties.isWhitespace {
            return range.upperBound
        }
        return lineStart
    }

    private mutating func appendText(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        tokens.append(JinjaToken(kind: .text(String(view)), offset: range.lowerBound))
    }

    /// Applies the whitespace control of a tag's closing delimiter, `pos` being just past it.
    private mutating func finishTag(modifier: Unicode.Scalar?, isBlock: Bool) {
        if modifier == "-" {
            var last: Unicode.Scalar?
            while pos < scalars.count, scalars[pos].properties.isWhitespace {
                last = scalars[pos]
                pos += 1
            }
            lineStarting = last == "\n"
        } else if isBlock && modifier != "+" && pos < scalars.count && scalars[pos] == "\n" {
            pos += 1
            lineStarting = true
        } else {
            lineStarting = false
        }
    }

    private mutating func lexComment(openedAt open: Int) throws(GGUFError) {
        var index = pos
        while index + 1 < scalars.count {
            if scalars[index] == "#" && scalars[index + 1] == "}" {
                let previous: Unicode.Scalar? = index > pos ? scalars[index - 1] : nil
                let modifier: Unicode.Scalar? = previous == "-" || previous == "+" ? previous : nil
                pos = index + 2
                finishTag(modifier: modifier, isBlock: true)
                return
            }
            index += 1
        }
        throw syntaxError("unclosed comment: '{#' without '#}'", at: open)
    }

    private mutating func lexTag(isBlock: Bool, openedAt open: Int) throws(GGUFError) {
        let closer: Unicode.Scalar = isBlock ? "%" : "}"
        var depth = 0
        while true {
            while pos < scalars.count, scalars[pos].properties.isWhitespace { pos += 1 }
            guard pos < scalars.count else {
                throw syntaxError(
                    "unclosed tag: '\(isBlock ? "{%" : "{{")' without '\(isBlock ? "%}" : "}}")'", at: open)
            }
            let scalar = scalars[pos]
            if depth == 0 {
                var modifier: Unicode.Scalar?
                var start = pos
                if (scalar == "-" || (scalar == "+" && isBlock)) && peek(1) == closer && peek(2) == "}" {
                    modifier = scalar
                    start += 1
                }
                if scalars[start] == closer && peekAt(start + 1) == "}" {
                    tokens.append(JinjaToken(kind: isBlock ? .blockEnd : .variableEnd, offset: pos))
                    pos = start + 2
                    finishTag(modifier: modifier, isBlock: isBlock)
                    return
                }
            }
            try lexExpressionToken(depth: &depth)
        }
    }

    private func peek(_ distance: Int) -> Unicode.Scalar? { peekAt(pos + distance) }

    private func peekAt(_ index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private static let twoCharacterSymbols: Set<String> = ["//", "**", "==", "!=", "<=", ">="]
    private static let oneCharacterSymbols: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "~", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|",
    ]

    private mutating func lexExpressionToken(depth: inout Int) throws(GGUFError) {
        let start = pos
        let scalar = scalars[pos]
        if scalar == "'" || scalar == "\"" {
            let value = try lexString(quote: scalar)
            tokens.append(JinjaToken(kind: .string(value), offset: start))
        } else if scalar.properties.numericType == .decimal && scalar.isASCII {
            tokens.append(JinjaToken(kind: lexNumber(), offset: start))
        } else if scalar == "_" || scalar.properties.isAlphabetic {
            var view = String.UnicodeScalarView()
            while pos < scalars.count,
                scalars[pos] == "_" || scalars[pos].properties.isAlphabetic
                    || (scalars[pos].isASCII && scalars[pos].properties.numericType == .decimal)
            {
                view.append(scalars[pos])
                pos += 1
            }
            tokens.append(JinjaToken(kind: .name(String(view)), offset: start))
        } else if let next = peek(1), Self.twoCharacterSymbols.contains(String(scalar) + String(next)) {
            tokens.append(JinjaToken(kind: .symbol(String(scalar) + String(next)), offset: start))
            pos += 2
        } else if Self.oneCharacterSymbols.contains(scalar) {
            if scalar == "(" || scalar == "[" || scalar == "{" { depth += 1 }
            if scalar == ")" || scalar == "]" || scalar == "}" { depth -= 1 }
            tokens.append(JinjaToken(kind: .symbol(String(scalar)), offset: start))
            pos += 1
        } else {
            throw syntaxError("unexpected character '\(scalar)'", at: start)
        }
    }

    private mutating func lexNumber() -> JinjaToken.Kind {
        var digits = ""
        var isFloat = false
        func isDigit(_ s: Unicode.Scalar?) -> Bool { s.map { $0 >= "0" && $0 <= "9" } ?? false }
        while pos < scalars.count, isDigit(scalars[pos]) || scalars[pos] == "_" {
            if scalars[pos] != "_" { digits.unicodeScalars.append(scalars[pos]) }
            pos += 1
        }
        if peek(0) == ".", isDigit(peek(1)) {
            isFloat = true
            digits += "."
            pos += 1
            while pos < scalars.count, isDigit(scalars[pos]) || scalars[pos] == "_" {
                if scalars[pos] != "_" { digits.unicodeScalars.append(scalars[pos]) }
                pos += 1
            }
        }
        if peek(0) == "e" || peek(0) == "E" {
            var look = pos + 1
            if peekAt(look) == "+" || peekAt(look) == "-" { look += 1 }
            if isDigit(peekAt(look)) {
                isFloat = true
                digits += "e"
                pos += 1
                if peek(0) == "-" { digits += "-" }
                if peek(0) == "+" || peek(0) == "-" { pos += 1 }
                while pos < scalars.count, isDigit(scalars[pos]) {
                    digits.unicodeScalars.append(scalars[pos])
                    pos += 1
                }
            }
        }
        if isFloat { return .float(Double(digits) ?? 0) }
        if let value = Int(digits) { return .integer(value) }
        return .float(Double(digits) ?? 0)
    }

    /// Lexes a quoted string with Python-style backslash escapes.
    private mutating func lexString(quote: Unicode.Scalar) throws(GGUFError) -> String {
        let start = pos
        pos += 1
        var view = String.UnicodeScalarView()
        while pos < scalars.count {
            let scalar = scalars[pos]
            if scalar == quote {
                pos += 1
                return String(view)
            }
            if scalar == "\\", let next = peek(1) {
                pos += 2
                switch next {
                case "n": view.append("\n")
                case "t": view.append("\t")
                case "r": view.append("\r")
                case "0": view.append("\0")
                case "a": view.append("\u{07}")
                case "b": view.append("\u{08}")
                case "f": view.append("\u{0C}")
                case "v": view.append("\u{0B}")
                case "\\", "'", "\"": view.append(next)
                case "\n": break
                case "x", "u", "U":
                    let length = next == "x" ? 2 : next == "u" ? 4 : 8
                    var hex = ""
                    while hex.count < length, let digit = peek(0), digit.properties.isASCIIHexDigit {
                        hex.unicodeScalars.append(digit)
                        pos += 1
                    }
                    guard hex.count == length, let code = UInt32(hex, radix: 16), let value = Unicode.Scalar(code)
                    else {
                        throw syntaxError("invalid \\\(next) escape in string", at: pos)
                    }
                    view.append(value)
                default:
                    view.append("\\")
                    view.append(next)
                }
                continue
            }
            view.append(scalar)
            pos += 1
        }
        throw syntaxError("unterminated string literal", at: start)
    }
}
