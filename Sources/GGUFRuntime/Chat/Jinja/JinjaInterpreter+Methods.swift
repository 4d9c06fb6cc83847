/// Python methods on strings and dicts that chat templates call (`content.strip()`, `message.get('x')`).
extension JinjaInterpreter {
    private static let stringMethods: Set<String> = [
        "strip", "lstrip", "rstrip", "upper", "lower", "title", "capitalize", "startswith", "endswith", "split",
        "replace", "find", "count", "join", "splitlines", "isdigit", "isspace", "isalpha",
    ]
    private static let objectMethods: Set<String> = ["items", "keys", "values", "get"]

    static func hasMethod(_ name: String, on value: JinjaValue) -> Bool {
        switch value {
        case .string: return stringMethods.contains(name)
        case .object: return objectMethods.contains(name)
        default: return false
        }
    }

    /// Calls a method; nil when the value has no method of that name.
    func callMethod(
        _ name: String,
        on value: JinjaValue,
        _ arguments: [JinjaValue],
        _ keywords: [String: JinjaValue]
    ) throws(GGUFError) -> JinjaValue? {
        switch value {
        case .string(let text): return try stringMethod(name, text, arguments)
        case .object(let object): return objectMethod(name, object, arguments)
        default: return nil
        }
    }

    private func objectMethod(_ name: String, _ object: JinjaObject, _ arguments: [JinjaValue]) -> JinjaValue? {
        switch name {
        case "items": return .list(object.entries.map { .list([.string($0.key), $0.value]) })
        case "keys": return .list(object.keys.map { .string($0) })
        case "values": return .list(object.entries.map(\.value))
        case "get":
            guard case .string(let key)? = arguments.first else { return arguments.count > 1 ? arguments[1] : .none }
            return object[key] ?? (arguments.count > 1 ? arguments[1] : .none)
        default: return nil
        }
    }

    private func stringMethod(
        _ name: String,
        _ text: String,
        _ arguments: [JinjaValue]
    ) throws(GGUFError) -> JinjaValue? {
        let scalars = Array(text.unicodeScalars)
        func string(_ slice: ArraySlice<Unicode.Scalar>) -> JinjaValue {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return .string(String(view))
        }
        func stringArgument(_ index: Int) throws(GGUFError) -> String? {
            guard index < arguments.count else { return nil }
            switch arguments[index] {
            case .string(let value): return value
            case .none: return nil
            default: throw fail("\(name)() argument \(index + 1) must be a string")
            }
        }
        switch name {
        case "strip", "lstrip", "rstrip":
            let characters = try stringArgument(0).map { Set($0.unicodeScalars) }
            let strip = { (scalar: Unicode.Scalar) in characters?.contains(scalar) ?? scalar.properties.isWhitespace }
            var start = 0
            var end = scalars.count
            if name != "rstrip" { while start < end, strip(scalars[start]) { start += 1 } }
            if name != "lstrip" { while end > start, strip(scalars[end - 1]) { end -= 1 } }
            return string(scalars[start..<end])
        case "upper": return .string(text.uppercased())
        case "lower": return .string(text.lowercased())
        case "title":
            var result = ""
            var previousIsLetter = false
            for character in text {
                result += previousIsLetter ? character.lowercased() : character.uppercased()
                previousIsLetter = character.isLetter
            }
            return .string(result)
        case "capitalize":
            guard let first = text.first else { return .string("") }
            return .string(first.uppercased() + text.dropFirst().lowercased())
        case "startswith", "endswith":
            var candidates: [String] = []
            switch arguments.first {
            case .string(let value)?: candidates = [value]
            case .list(let items)?: candidates = items.compactMap { if case .string(let v) = $0 { v } else { nil } }
            default: throw fail("\(name)() needs a string or a tuple of strings")
            }
            return .bool(
                candidates.contains {
                    name == "startswith"
                        ? scalars.starts(with: $0.unicodeScalars)
                        : scalars.reversed().starts(with: $0.unicodeScalars.reversed())
                })
        case "split":
            let limit: Int
            if arguments.count > 1, case .integer(let maximum) = arguments[1] { limit = maximum } else { limit = -1 }
            if let separator = try stringArgument(0) {
                guard !separator.isEmpty else { throw fail("split() separator must not be empty") }
                let parts = text.split(
                    separator: separator, maxSplits: limit < 0 ? Int.max : limit, omittingEmptySubsequences: false)
                return .list(parts.map { .string(String($0)) })
            }
            let parts = text.split(
                maxSplits: limit < 0 ? Int.max : limit, omittingEmptySubsequences: true, whereSeparator: \.isWhitespace)
            return .list(parts.map { .string(String($0)) })
        case "splitlines":
            return .list(
                text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { .string(String($0)) })
        case "replace":
            guard let old = try stringArgument(0), let new = try stringArgument(1) else {
                throw fail("replace() needs two strings")
            }
            return .string(text.replacing(old, with: new))
        case "find":
            guard let part = try stringArgument(0) else { throw fail("find() needs a string") }
            guard let range = text.firstRange(of: part) else { return .integer(-1) }
            return .integer(text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound))
        case "count":
            guard let part = try stringArgument(0), !part.isEmpty else { return .integer(scalars.count + 1) }
            return .integer(text.ranges(of: part).count)
        case "join":
            return .string(try iterate(arguments.first ?? .list([])).map(\.pythonString).joined(separator: text))
        case "isdigit": return .bool(!text.isEmpty && text.allSatisfy(\.isNumber))
        case "isspace": return .bool(!text.isEmpty && text.allSatisfy(\.isWhitespace))
        case "isalpha": return .bool(!text.isEmpty && text.allSatisfy(\.isLetter))
        default: return nil
        }
    }
}
