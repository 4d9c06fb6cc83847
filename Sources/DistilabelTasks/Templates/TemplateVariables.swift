/// Finds the variables a Jinja-style template reads from its context (what Jinja's `find_undeclared_variables`
/// reports): names in `{{ … }}` and `{% … %}` tags, minus loop variables, keywords, literals, attributes and
/// filters.
enum TemplateVariables {
    static let keywords: Set<String> = [
        "for", "in", "endfor", "if", "elif", "else", "endif", "not", "and", "or", "true", "false", "nil", "none",
        "empty", "reversed", "where", "block", "endblock", "include", "extends", "filter", "endfilter", "now", "with",
        "endwith", "forloop", "loop", "set", "is", "break", "continue", "cycle", "True", "False", "None",
    ]

    static func scan(_ template: String) -> [String] {
        var names: [String] = []
        var declared: Set<String> = []
        var rest = template[...]
        while let open = rest.range(of: "{"), let next = rest[open.upperBound...].first {
            let closer: String
            switch next {
            case "{": closer = "}}"
            case "%": closer = "%}"
            default:
                rest = rest[open.upperBound...]
                continue
            }
            let body = rest.index(after: open.upperBound)
            guard let close = rest[body...].range(of: closer) else { break }
            let tag = rest[body..<close.lowerBound]
            let words = identifiers(in: tag)
            if next == "%", words.first?.name == "for", let inIndex = words.firstIndex(where: { $0.name == "in" }) {
                for word in words[1..<inIndex] { declared.insert(word.name) }
                collect(words[(inIndex + 1)...], into: &names, declared: declared)
            } else {
                collect(words[...], into: &names, declared: declared)
            }
            rest = rest[close.upperBound...]
        }
        return names
    }

    private struct Word {
        var name: String
        /// The character before it: `.` (an attribute) or `|` (a filter) make it no variable.
        var preceding: Character?
    }

    private static func collect(_ words: ArraySlice<Word>, into names: inout [String], declared: Set<String>) {
        for word in words where word.preceding != "." && word.preceding != "|" && word.preceding != ":" {
            if keywords.contains(word.name) || declared.contains(word.name) || names.contains(word.name) { continue }
            names.append(word.name)
        }
    }

    /// Identifiers outside string literals, each with the non-space character before it.
    private static func identifiers(in tag: Substring) -> [Word] {
        var words: [Word] = []
        var current = ""
        var preceding: Character?
        var last: Character?
        var quote: Character?
        for character in tag {
            if let open = quote {
                if character == open { quote = nil }
                last = character
                continue
            }
            if character.isLetter || character == "_" || (character.isNumber && !current.isEmpty) {
                if current.isEmpty { preceding = last }
                current.append(character)
                last = character
                continue
            }
            if !current.isEmpty {
                words.append(Word(name: current, preceding: preceding))
                current = ""
            }
            if character == "\"" || character == "'" { quote = character }
            if !character.isWhitespace { last = character }
        }
        if !current.isEmpty { words.append(Word(name: current, preceding: preceding)) }
        return words
    }
}
