import GGUFRuntime
import Testing

/// One rendering of ``JinjaReferenceCases``: a template, a conversation and what jinja2 produced.
struct JinjaReferenceCase: Sendable, CustomTestStringConvertible {
    var template: String
    var conversation: String
    var addGenerationPrompt: Bool
    var tools: Bool
    var expected: String?
    var error: String?

    var testDescription: String { "\(template)/\(conversation)/gen=\(addGenerationPrompt)" }
}

@Suite struct JinjaRendererTests {
    static let conversations: [String: [ChatMessage]] = [
        "A": [.system("You are terse."), .user("Hi there "), .assistant(" Hello! "), .user("Say 'ok'\nplease")],
        "B": [.user("Hi"), .assistant("Hello"), .user("Bye")],
    ]

    static let weatherTool = TemplateValue.object([
        .init("type", .string("function")),
        .init(
            "function",
            .object([
                .init("name", .string("get_weather")),
                .init("description", .string("Weather for a city")),
                .init(
                    "parameters",
                    .object([
                        .init("type", .string("object")),
                        .init("properties", .object([.init("city", .object([.init("type", .string("string"))]))])),
                        .init("required", .array([.string("city")])),
                    ])),
            ])),
    ])

    @Test(arguments: JinjaReferenceCases.cases)
    func rendersLikeJinja2(_ reference: JinjaReferenceCase) throws {
        let source = try #require(JinjaReferenceCases.templates[reference.template])
        let template = try ChatTemplate(source: source)
        let messages = try #require(Self.conversations[reference.conversation])
        let variables: [String: TemplateValue] = reference.tools ? ["tools": .array([Self.weatherTool])] : [:]
        let render = {
            try template.render(
                messages, addGenerationPrompt: reference.addGenerationPrompt, bosToken: "<s>", eosToken: "</s>",
                variables: variables)
        }
        if let expected = reference.expected {
            let rendered = try render()
            #expect(rendered == expected, "rendered \(rendered.debugDescription)")
        } else {
            let message = try #require(reference.error)
            let error = try #require(throws: GGUFError.self) { try render() }
            guard case .templateRuntime(let text, let line, _) = error else {
                Issue.record("expected a runtime error, got \(error)")
                return
            }
            #expect(text.contains(message))
            #expect(line == 1)
        }
    }

    @Test func unsupportedTagReportsItsPosition() throws {
        let error = try #require(throws: GGUFError.self) {
            try ChatTemplate(source: "line one\n  {% include 'x.j2' %}")
        }
        #expect(error == .templateSyntax(message: "unsupported tag '{% include %}'", line: 2, column: 6))
        #expect(error.description.contains("line 2, column 6"))
    }

    @Test(arguments: [
        ("{% if x %}open", "'{% if %}' is never closed"),
        ("{{ 'a' ", "unclosed tag"),
        ("{{ a b }}", "expected '}}'"),
        ("{% for in xs %}{% endfor %}", "expected 'in'"),
        ("{{ 'abc }}", "unterminated string"),
        ("{# note", "unclosed comment"),
        ("{% endfor %}", "unexpected '{% endfor %}'"),
    ])
    func syntaxErrorsAreClear(source: String, fragment: String) throws {
        let error = try #require(throws: GGUFError.self) { try ChatTemplate(source: source) }
        guard case .templateSyntax(let message, let line, let column) = error else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(message.contains(fragment))
        #expect(line == 1 && column >= 1)
    }

    @Test func unknownFilterFailsAtRenderTime() throws {
        let template = try ChatTemplate(source: "ok\n{{ messages | frobnicate }}")
        let error = try #require(throws: GGUFError.self) { try template.render([]) }
        #expect(error == .templateRuntime(message: "unsupported filter 'frobnicate'", line: 2, column: 1))
    }
}
