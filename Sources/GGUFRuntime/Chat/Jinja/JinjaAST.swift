/// A literal constant in a template expression.
enum JinjaLiteral: Sendable {
    case none
    case bool(Bool)
    case integer(Int)
    case float(Double)
    case string(String)
}

/// A keyword argument in a call, filter or test.
struct JinjaKeywordArgument: Sendable {
    var name: String
    var value: JinjaExpression
}

/// A template expression.
indirect enum JinjaExpression: Sendable {
    case literal(JinjaLiteral)
    case name(String)
    case list([JinjaExpression])
    case tuple([JinjaExpression])
    case dictionary([(key: JinjaExpression, value: JinjaExpression)])
    case attribute(JinjaExpression, String)
    case `subscript`(JinjaExpression, JinjaExpression)
    case slice(JinjaExpression, start: JinjaExpression?, stop: JinjaExpression?, step: JinjaExpression?)
    case call(JinjaExpression, [JinjaExpression], [JinjaKeywordArgument])
    case filter(JinjaExpression, name: String, [JinjaExpression], [JinjaKeywordArgument])
    case test(JinjaExpression, name: String, [JinjaExpression], negated: Bool)
    /// `-`, `+` or `not`.
    case unary(String, JinjaExpression)
    /// Arithmetic, comparison, `in`, `not in` and `~`.
    case binary(String, JinjaExpression, JinjaExpression)
    case and(JinjaExpression, JinjaExpression)
    case or(JinjaExpression, JinjaExpression)
    case conditional(condition: JinjaExpression, then: JinjaExpression, otherwise: JinjaExpression?)
}

/// The target of a `{% set %}` or `{% for %}`.
enum JinjaTarget: Sendable {
    case names([String])
    case attribute(String, String)
}

/// A `{% for %}` loop.
struct JinjaForLoop: Sendable {
    var targets: [String]
    var iterable: JinjaExpression
    var condition: JinjaExpression?
    var body: [JinjaNode]
    var otherwise: [JinjaNode]
}

/// A `{% macro %}` definition.
struct JinjaMacro: Sendable {
    var name: String
    var parameters: [(name: String, defaultValue: JinjaExpression?)]
    var body: [JinjaNode]
}

/// A statement of a parsed template. Each carries the scalar offset of its tag for error messages.
indirect enum JinjaNode: Sendable {
    case text(String)
    case output(JinjaExpression, offset: Int)
    case conditional([(condition: JinjaExpression, body: [JinjaNode])], otherwise: [JinjaNode], offset: Int)
    case forLoop(JinjaForLoop, offset: Int)
    case set(JinjaTarget, JinjaExpression, offset: Int)
    case setBlock(String, body: [JinjaNode], offset: Int)
    case macro(JinjaMacro, offset: Int)
    case filterBlock(name: String, [JinjaExpression], body: [JinjaNode], offset: Int)
    /// A body rendered as-is (`{% generation %}` from Hugging Face templates).
    case group([JinjaNode])
    case breakLoop(offset: Int)
    case continueLoop(offset: Int)
}
