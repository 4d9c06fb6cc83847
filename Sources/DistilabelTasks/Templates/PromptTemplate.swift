import DistilabelCore
import Foundation
import Stencil

/// A Jinja-style prompt template (`{{ column }}`, `{% for x in list %}…{% endfor %}`, `{% if … %}`), rendered by
/// [Stencil](https://github.com/stencilproject/Stencil).
///
/// A bare `{{ name }}` renders a string as is and any other value as JSON (lists, structs, numbers), as the core's
/// `{{ column }}` templates did. Filters beyond Stencil's own: `length` (of a list, string or struct) and `tojson`.
/// Inside loops, Stencil's `forloop.counter` is Jinja's `loop.index`.
///
/// ```swift
/// let template = PromptTemplate("Answer {{ question }} using:{% for doc in docs %}\n- {{ doc }}{% endfor %}")
/// template.variables  // ["question", "docs"]
/// ```
public struct PromptTemplate: Sendable, Hashable {
    /// The template's text.
    public let source: String
    /// The text Stencil renders (bare variables displayed through `_display`), rewritten once, not per row.
    private let stencilSource: String

    /// A template from its text.
    public init(_ source: String) {
        self.source = source
        self.stencilSource = Self.displayingBareVariables(source)
    }

    /// The variables the template reads from its context, in order of first appearance (loop variables and
    /// `forloop` excluded): for ``TextGeneration``, the columns it needs.
    public var variables: [String] { TemplateVariables.scan(source) }

    /// Renders the template with `values` as its context.
    public func render(_ values: [String: Value]) throws -> String {
        var context: [String: Any] = [:]
        for (name, value) in values { context[name] = TemplateBridge.any(value) }
        do {
            let environment = Environment(extensions: [TemplateBridge.filters()], trimBehaviour: .smart)
            return try environment.renderTemplate(string: stencilSource, context: context)
        } catch {
            throw TaskError.template(source, reason: "\(error)")
        }
    }

    /// Renders the template over `columns` of `row`; a column the row lacks (or holds null) is an error naming it.
    public func render(row: Row, columns: [String]) throws -> String {
        var values: [String: Value] = [:]
        for column in columns {
            guard let value = row[column], !value.isNull else {
                throw TaskError.missingColumn(column, usage: "used by the template")
            }
            values[column] = value
        }
        return try render(values)
    }

    /// `{{ name }}` and `{{ name.field }}` become `{{ name|_display }}`: strings as is, other values as JSON.
    static func displayingBareVariables(_ source: String) -> String {
        let pattern = #"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return source }
        let range = NSRange(source.startIndex..., in: source)
        return regex.stringByReplacingMatches(in: source, range: range, withTemplate: "{{ $1|_display }}")
    }
}
