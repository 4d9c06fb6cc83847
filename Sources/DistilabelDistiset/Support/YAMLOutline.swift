import Foundation

/// A tolerant reader for the block-style YAML that distilabel writes (`pipeline.yaml`, a dataset card's front
/// matter): mappings, sequences and plain or quoted scalars, by indentation. It reads just enough to find a
/// pipeline's name and steps or a card's configurations; anything it does not understand (flow collections,
/// multi-line scalars) is kept as text or skipped, never an error. The `pipeline.yaml` loader of the CLI uses a
/// real YAML parser.
enum YAMLOutline: Sendable, Hashable {
    case scalar(String)
    case mapping([(key: String, value: YAMLOutline)])
    case sequence([YAMLOutline])

    static func == (lhs: YAMLOutline, rhs: YAMLOutline) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.sequence(let a), .sequence(let b)): return a == b
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .scalar(let text): hasher.combine(text)
        case .sequence(let items): hasher.combine(items)
        case .mapping(let pairs):
            for pair in pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }

    /// The value of `key` when this is a mapping.
    subscript(key: String) -> YAMLOutline? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// The text when this is a scalar other than `null` or `~`.
    var text: String? {
        guard case .scalar(let text) = self, text != "null", text != "~", !text.isEmpty else { return nil }
        return text
    }

    /// The items when this is a sequence.
    var items: [YAMLOutline] {
        if case .sequence(let items) = self { return items }
        return []
    }

    /// Parses `text`; lines it cannot place are ignored.
    init(parsing text: String) {
        var lines: [Line] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") || content == "---" || content == "..." { continue }
            lines.append(Line(indent: line.count - content.count, content: String(content)))
        }
        var index = 0
        self = YAMLOutline.block(&lines, &index, indent: lines.first?.indent ?? 0)
    }

    private struct Line {
        var indent: Int
        var content: String
    }

    private static func block(_ lines: inout [Line], _ index: inout Int, indent: Int) -> YAMLOutline {
        guard index < lines.count else { return .scalar("") }
        if lines[index].content == "-" || lines[index].content.hasPrefix("- ") {
            var items: [YAMLOutline] = []
            while index < lines.count, lines[index].indent == indent,
                lines[index].content == "-" || lines[index].content.hasPrefix("- ")
            {
                let rest = String(lines[index].content.dropFirst(2))
                if rest.isEmpty {
                    index += 1
                    items.append(nested(&lines, &index, parent: indent))
                } else {
                    // The item's first line continues as if it were indented past the dash.
                    lines[index] = Line(indent: indent + 2, content: rest)
                    if split(rest) == nil {
                        index += 1
                        items.append(.scalar(unquoted(rest)))
                    } else {
                        items.append(block(&lines, &index, indent: indent + 2))
                    }
                }
            }
            return .sequence(items)
        }
        var pairs: [(key: String, value: YAMLOutline)] = []
        while index < lines.count, lines[index].indent == indent {
            guard let (key, inline) = split(lines[index].content) else {
                // A bare scalar where a key was expected: skip it.
                index += 1
                continue
            }
            index += 1
            if inline.isEmpty {
                pairs.append((key, nested(&lines, &index, parent: indent)))
            } else {
                pairs.append((key, .scalar(unquoted(inline))))
                skipDeeper(lines, &index, than: indent)
            }
        }
        return .mapping(pairs)
    }

    /// The block under a key at `parent` indentation: deeper lines, or an indentless sequence at the same level.
    private static func nested(_ lines: inout [Line], _ index: inout Int, parent: Int) -> YAMLOutline {
        guard index < lines.count else { return .scalar("") }
        let next = lines[index]
        if next.indent > parent
            || (next.indent == parent && (next.content == "-" || next.content.hasPrefix("- ")))
        {
            return block(&lines, &index, indent: next.indent)
        }
        return .scalar("")
    }

    private static func skipDeeper(_ lines: [Line], _ index: inout Int, than indent: Int) {
        while index < lines.count, lines[index].indent > indent { index += 1 }
    }

    /// `key: value` or `key:` split at the first `: ` outside quotes; nil for a line with no key.
    private static func split(_ content: String) -> (String, String)? {
        var quote: Character?
        var previous: Character = " "
        for position in content.indices {
            let character = content[position]
            if let open = quote {
                if character == open { quote = nil }
            } else if (character == "\"" || character == "'") && previous == " " {
                quote = character
            } else if character == ":" {
                let after = content.index(after: position)
                if after == content.endIndex || content[after] == " " {
                    let key = unquoted(String(content[..<position]))
                    let value = String(content[after...]).trimmingSpaces()
                    return (key, value)
                }
            }
            previous = character
        }
        return nil
    }

    private static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmingSpaces()
        guard trimmed.count >= 2, let first = trimmed.first, first == trimmed.last, first == "\"" || first == "'"
        else { return trimmed }
        let inner = String(trimmed.dropFirst().dropLast())
        if first == "'" { return inner.replacingOccurrences(of: "''", with: "'") }
        return inner.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
