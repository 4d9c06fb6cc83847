import DistilabelCore
import Foundation

/// Small, forgiving parsers for the shapes of answers the tasks ask for.
enum AnswerParsing {
    /// The first whole number in `text` (`"4/5"` → 4, `"**Rating**: 3"` → 3); `nil` for none, `N/A` or `None`.
    static func firstInteger(in text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if ["n/a", "none", "null", "-"].contains(trimmed.lowercased()) { return nil }
        var digits = ""
        for character in trimmed {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if !digits.isEmpty {
                break
            }
        }
        return Int(digits)
    }

    /// The text without Markdown emphasis and list markers at the start of each line (`**Rating:**` → `Rating:`).
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
    }

    /// `[1] Score: 4` lines: one score per item, by the bracketed index (1-based), `nil` where an item has none.
    /// Lines without an index are taken in order when the answer has no bracketed indices at all.
    static func indexedScores(_ text: String, count: Int) -> [Double?] {
        var scores = [Double?](repeating: nil, count: count)
        var unindexed: [Double] = []
        var sawIndex = false
        for line in plain(text).split(whereSeparator: \.isNewline) {
            guard let scoreRange = line.range(of: "score", options: .caseInsensitive) else { continue }
            let after = line[scoreRange.upperBound...].drop { $0 == ":" || $0 == " " || $0 == "=" }
            guard let score = leadingNumber(after) else { continue }
            if let open = line.firstIndex(of: "["), let close = line[open...].firstIndex(of: "]"),
                let index = Int(line[line.index(after: open)..<close].trimmingCharacters(in: .whitespaces))
            {
                sawIndex = true
                if index >= 1, index <= count, scores[index - 1] == nil { scores[index - 1] = score }
            } else {
                unindexed.append(score)
            }
        }
        if !sawIndex {
            for (index, score) in unindexed.prefix(count).enumerated() { scores[index] = score }
        }
        return scores
    }

    /// A number at the start of `text` (`"4.5 (good)"` → 4.5).
    static func leadingNumber(_ text: Substring) -> Double? {
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        return Double(number.hasSuffix(".") ? String(number.dropLast()) : String(number))
    }

    /// The JSON in an answer: the text itself, or the content of a ```` ```json ```` fence, or from the first `{`
    /// to the last `}`.
    static func jsonText(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("```") {
            var lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            if lines.last?.trimmingCharacters(in: .whitespaces).hasPrefix("```") == true { lines = lines.dropLast() }
            return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if !trimmed.hasPrefix("{"), let open = trimmed.firstIndex(of: "{"), let close = trimmed.lastIndex(of: "}"),
            open < close
        {
            return String(trimmed[open...close])
        }
        return trimmed
    }

    /// The error message for a list of parsed items some of which are missing.
    static func missingItems<T>(_ values: [T?], what: String) -> String? {
        let missing = values.enumerated().filter { $0.element == nil }.map { String($0.offset + 1) }
        if missing.isEmpty { return nil }
        return "could not parse \(what) for item\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))"
    }
}
