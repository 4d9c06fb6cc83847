/// Python's ordering of rating values, for choosing the best and worst generation as Python's `max` and `min` do.
///
/// Numbers (integers, doubles, booleans) compare by value, exactly across integers and doubles, with NaN
/// unordered; strings compare by Unicode code points. Anything else (null, lists, mappings, a number against a
/// string) cannot be compared: Python raises `TypeError` there, and so do the DPO steps.
enum PythonComparison {
    /// The index Python's `max(enumerate(values), key=lambda x: x[1])[0]` returns (`min` when `largest` is
    /// false): the first of equal extremes. Throws the reason when two values cannot be compared.
    static func extremeIndex(of values: [Value], largest: Bool) throws(ComparisonFailure) -> Int {
        guard !values.isEmpty else { throw ComparisonFailure(reason: "the list is empty") }
        var best = 0
        for index in values.indices.dropFirst() {
            // CPython's min_max keeps the current extreme unless `item > best` (max) or `item < best` (min).
            let order = try compare(values[index], values[best])
            if order == (largest ? .greater : .less) { best = index }
        }
        return best
    }

    /// Why two values could not be compared.
    struct ComparisonFailure: Swift.Error {
        var reason: String
    }

    enum Order { case less, equal, greater, unordered }

    /// How `a` compares to `b`.
    static func compare(_ a: Value, _ b: Value) throws(ComparisonFailure) -> Order {
        switch (number(a), number(b)) {
        case (.integer(let x)?, .integer(let y)?):
            return x < y ? .less : (x > y ? .greater : .equal)
        case (.floating(let x)?, .floating(let y)?):
            return x < y ? .less : (x > y ? .greater : (x == y ? .equal : .unordered))
        case (.integer(let x)?, .floating(let y)?):
            return compare(integer: x, double: y)
        case (.floating(let x)?, .integer(let y)?):
            return invert(compare(integer: y, double: x))
        default:
            break
        }
        if case .string(let x) = a, case .string(let y) = b {
            let left = x.unicodeScalars.map(\.value)
            let right = y.unicodeScalars.map(\.value)
            if left == right { return .equal }
            return left.lexicographicallyPrecedes(right) ? .less : .greater
        }
        throw ComparisonFailure(reason: "\(a.jsonString()) and \(b.jsonString()) cannot be compared")
    }

    private enum Number {
        case integer(Int64)
        case floating(Double)
    }

    private static func number(_ value: Value) -> Number? {
        switch value {
        case .int(let int): return .integer(int)
        case .double(let double): return .floating(double)
        case .bool(let bool): return .integer(bool ? 1 : 0)
        default: return nil
        }
    }

    /// Exact comparison of an integer and a double, as Python compares `int` and `float`.
    private static func compare(integer: Int64, double: Double) -> Order {
        if double.isNaN { return .unordered }
        if double >= 9_223_372_036_854_775_808.0 { return .less }
        if double < -9_223_372_036_854_775_808.0 { return .greater }
        let whole = double.rounded(.towardZero)
        let wholeInteger = Int64(whole)
        if integer != wholeInteger { return integer < wholeInteger ? .less : .greater }
        let fraction = double - whole
        return fraction > 0 ? .less : (fraction < 0 ? .greater : .equal)
    }

    private static func invert(_ order: Order) -> Order {
        switch order {
        case .less: return .greater
        case .greater: return .less
        default: return order
        }
    }
}
