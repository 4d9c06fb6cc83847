import Foundation

/// One text's annotation in an ``UltraFeedback`` answer.
struct UltraFeedbackAnswer: Sendable, Hashable {
    var type: Int?
    var rating: Int?
    /// The rationale lines in order: the types' then the rating's (or only the rating's).
    var rationales: [String] = []

    /// The annotations of `count` texts: blocks introduced by a `Text N` heading, or else separated by blank
    /// lines; `nil` for a text without one.
    static func blocks(in answer: String, count: Int) -> [UltraFeedbackAnswer?] {
        var result = [UltraFeedbackAnswer?](repeating: nil, count: count)
        let lines = AnswerParsing.plain(answer).components(separatedBy: .newlines)
        var headed: [(Int, [String])] = []
        for line in lines {
            if let index = heading(line) {
                headed.append((index, []))
            } else if !headed.isEmpty {
                headed[headed.count - 1].1.append(line)
            }
        }
        if !headed.isEmpty {
            for (index, body) in headed where index >= 1 && index <= count && result[index - 1] == nil {
                result[index - 1] = parse(body)
            }
            return result
        }
        let sections = answer.components(separatedBy: "\n\n").map { AnswerParsing.plain($0) }
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        for (index, section) in sections.prefix(count).enumerated() {
            result[index] = parse(section.components(separatedBy: .newlines))
        }
        return result
    }

    /// The text number of a heading line such as `#### Text 2`, `Text 2:` or `Output for text 2`.
    static func heading(_ line: String) -> Int? {
        let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: "#*-:<> \t"))
        let lower = trimmed.lowercased()
        guard let range = lower.range(of: "text ") else { return nil }
        let prefix = lower[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        guard prefix.isEmpty || prefix == "output for" || prefix == "annotation for" else { return nil }
        let rest = lower[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "#*-:<> \t"))
        return Int(rest)
    }

    /// `Type:`, `Rating:` and `Rationale:` lines; a rationale runs on until the next key.
    static func parse(_ lines: [String]) -> UltraFeedbackAnswer? {
        var answer = UltraFeedbackAnswer()
        var found = false
        var inRationale = false
        for rawLine in lines {
            let line = rawLine.trimmingCharacters(in: .whitespaces).drop { $0 == "-" || $0 == " " }
            if let value = value(of: "rating", in: line) {
                answer.rating = AnswerParsing.firstInteger(in: value)
                found = true
                inRationale = false
            } else if let value = value(of: "type", in: line) ?? value(of: "types", in: line) {
                answer.type = AnswerParsing.firstInteger(in: value)
                found = true
                inRationale = false
            } else if let value = value(of: "rationale", in: line) {
                answer.rationales.append(value)
                found = true
                inRationale = true
            } else if inRationale, !line.isEmpty {
                answer.rationales[answer.rationales.count - 1] += "\n" + line
            }
        }
        return found ? answer : nil
    }

    private static func value(of key: String, in line: Substring) -> String? {
        guard line.lowercased().hasPrefix(key + ":") else { return nil }
        return line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
    }
}
