/// The jinja2 filters chat templates use (`{{ x | trim }}`), with Hugging Face's `tojson`.
extension JinjaInterpreter {
    func applyFilter(
        _ name: String,
        to value: JinjaValue,
        _ arguments: [JinjaValue],
        _ keywords: [String: JinjaValue]
    ) throws(GGUFError) -> JinjaValue {
        func argument(_ index: Int, _ keyword: String) -> JinjaValue? {
            index < arguments.count ? arguments[index] : keywords[keyword]
        }
        switch name {
        case "trim":
            return try callMethod("strip", on: try stringValue(value, for: name), Array(arguments.prefix(1)), [:])!
        case "length", "count":
            switch value {
            case .string(let text): return .integer(text.unicodeScalars.count)
            case .list(let items): return .integer(items.count)
            case .object(let object): return .integer(object.keys.count)
            case .undefined: return .integer(0)
            default: throw fail("object of type '\(value.typeName)' has no length")
            }
        case "upper", "lower", "title", "capitalize":
            return try callMethod(name, on: try stringValue(value, for: name), [], [:])!
        case "string":
            return .string(value.pythonString)
        case "safe", "e", "escape", "forceescape":
            return name == "safe" ? value : .string(Self.escapeHTML(value.pythonString))
        case "first", "last":
            let items = try iterate(value)
            return (name == "first" ? items.first : items.last) ?? .undefined
        case "default", "d":
            let useOnFalsy = argument(1, "boolean")?.isTruthy ?? false
            let fallback = argument(0, "default_value") ?? .string("")
            return value.isUndefined || (useOnFalsy && !value.isTruthy) ? fallback : value
        case "join":
            var items = try iterate(value)
            if case .string(let key)? = argument(1, "attribute") { items = items.map { attribute(key, of: $0) } }
            let separator = argument(0, "d")?.pythonString ?? ""
            return .string(items.map(\.pythonString).joined(separator: separator))
        case "tojson":
            var indent: Int?
            if case .integer(let spaces)? = argument(0, "indent") { indent = spaces }
            return .string(value.json(indent: indent, sortKeys: keywords["sort_keys"]?.isTruthy ?? false))
        case "list":
            return .list(try iterate(value))
        case "reverse":
            if case .string(let text) = value { return .string(String(text.reversed())) }
            return .list(try iterate(value).reversed())
        case "unique":
            var seen: [JinjaValue] = []
            for item in try iterate(value) where !seen.contains(where: { $0.pythonEquals(item) }) { seen.append(item) }
            return .list(seen)
        case "items", "dictitems":
            guard case .object(let object) = value else {
                if value.isUndefined { return .list([]) }
                throw fail("'items' filter needs a dict, not '\(value.typeName)'")
            }
            return .list(object.entries.map { .list([.string($0.key), $0.value]) })
        case "replace":
            return try callMethod("replace", on: try stringValue(value, for: name), arguments, [:])!
        case "int":
            switch value {
            case .integer: return value
            case .float(let number): return .integer(Int(number))
            case .bool(let flag): return .integer(flag ? 1 : 0)
            case .string(let text):
                return .integer(
                    Int(text.trimmingWhitespace()) ?? Double(text.trimmingWhitespace()).map { Int($0) } ?? 0)
            default: return .integer(0)
            }
        case "float":
            if case .string(let text) = value { return .float(Double(text.trimmingWhitespace()) ?? 0) }
            return .float(value.number ?? 0)
        case "abs":
            if case .integer(let number) = value { return .integer(abs(number)) }
            return .float(abs(value.number ?? 0))
        case "round":
            let precision: Int
            if case .integer(let digits)? = argument(0, "precision") { precision = digits } else { precision = 0 }
            var scale = 1.0
            for _ in 0..<max(0, precision) { scale *= 10 }
            return .float(((value.number ?? 0) * scale).rounded(.toNearestOrEven) / scale)
        case "sum":
            var total = JinjaValue.integer(0)
            for item in try iterate(value) { total = try binary("+", total, item) }
            return total
        case "min", "max":
            let items = try iterate(value)
            guard var best = items.first else { return .undefined }
            for item in items.dropFirst() {
                let less = item.pythonLess(best) ?? false
                if (name == "min" && less) || (name == "max" && best.pythonLess(item) == true) { best = item }
            }
            return best
        case "sort":
            let reverse = argument(0, "reverse")?.isTruthy ?? false
            var items = try iterate(value)
            let key: String?
            if case .string(let attributeName)? = argument(2, "attribute") { key = attributeName } else { key = nil }
            items.sort { a, b in
                let x = key.map { attribute($0, of: a) } ?? a
                let y = key.map { attribute($0, of: b) } ?? b
                return (reverse ? y.pythonLess(x) : x.pythonLess(y)) ?? false
            }
            return .list(items)
        case "map":
            let items = try iterate(value)
            if case .string(let key)? = keywords["attribute"] {
                return .list(items.map { attribute(key, of: $0) })
            }
            guard case .string(let filterName)? = arguments.first else { throw fail("map() needs a filter name") }
            var mapped: [JinjaValue] = []
            for item in items {
                mapped.append(try applyFilter(filterName, to: item, Array(arguments.dropFirst()), [:]))
            }
            return .list(mapped)
        case "select", "reject", "selectattr", "rejectattr":
            return try selectFilter(name, value, arguments)
        case "indent":
            return indentFilter(value.pythonString, arguments, keywords)
        case "wordcount":
            return .integer(value.pythonString.split(whereSeparator: { $0.isWhitespace }).count)
        default:
            throw fail("unsupported filter '\(name)'")
        }
    }

    private func stringValue(_ value: JinjaValue, for filter: String) throws(GGUFError) -> JinjaValue {
        switch value {
        case .string: return value
        case .undefined: return .string("")
        default: return .string(value.pythonString)
        }
    }

    private func selectFilter(
        _ name: String,
        _ value: JinjaValue,
        _ arguments: [JinjaValue]
    ) throws(GGUFError) -> JinjaValue {
        let byAttribute = name.hasSuffix("attr")
        var rest = arguments
        var key: String?
        if byAttribute {
            guard case .string(let attributeName)? = rest.first else { throw fail("\(name)() needs an attribute") }
            key = attributeName
            rest.removeFirst()
        }
        var testName: String?
        if case .string(let test)? = rest.first {
            testName = test
            rest.removeFirst()
        }
        let keep = name.hasPrefix("select")
        var result: [JinjaValue] = []
        for item in try iterate(value) {
            let subject = key.map { attribute($0, of: item) } ?? item
            let passed = try testName.map { (test) throws(GGUFError) in try applyTest(test, to: subject, rest) }
            if (passed ?? subject.isTruthy) == keep { result.append(item) }
        }
        return .list(result)
    }

    private func indentFilter(
        _ text: String,
        _ arguments: [JinjaValue],
        _ keywords: [String: JinjaValue]
    ) -> JinjaValue {
        var padding = "    "
        switch arguments.first ?? keywords["width"] {
        case .integer(let width)?: padding = String(repeating: " ", count: width)
        case .string(let custom)?: padding = custom
        default: break
        }
        let indentFirst = (arguments.count > 1 ? arguments[1] : keywords["first"])?.isTruthy ?? false
        let indentBlank = (arguments.count > 2 ? arguments[2] : keywords["blank"])?.isTruthy ?? false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [String] = []
        for (index, line) in lines.enumerated() {
            let shouldIndent = (index > 0 || indentFirst) && (indentBlank || !line.allSatisfy(\.isWhitespace))
            result.append(shouldIndent ? padding + line : String(line))
        }
        return .string(result.joined(separator: "\n"))
    }

    static func escapeHTML(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&#34;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing Unicode whitespace (Python `str.strip()`).
    func trimmingWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
