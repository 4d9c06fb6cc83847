import Distilabel
import DistilabelTesting
import Testing

/// Stencil-rendered templates: variables, the `{{ column }}` rendering of the core's templates, loops, filters.
struct PromptTemplateTests {
    @Test func variablesAreTheColumnsTheTemplateReads() {
        let template = PromptTemplate(
            """
            {{ question }} {{ doc.title|uppercase }} {% for item in items %}{{ item }} {{ forloop.counter }}\
            {% endfor %}{% if flag and not other %}{{ "literal" }}{% endif %}{{ question }}
            """)
        #expect(template.variables == ["question", "doc", "items", "flag", "other"])
    }

    @Test func bareVariablesRenderStringsAsIsAndOtherValuesAsJSON() throws {
        let template = PromptTemplate("{{ text }} | {{ number }} | {{ list }} | {{ object }} | {{ object.b }}")
        let row: Row = ["text": "hi", "number": 3, "list": ["a", 1], "object": ["b": "x", "a": [true]]]
        let rendered = try template.render(row: row, columns: ["text", "number", "list", "object"])
        #expect(rendered == #"hi | 3 | ["a",1] | {"b":"x","a":[true]} | x"#)
    }

    @Test func loopsAndFilters() throws {
        let template = PromptTemplate(
            """
            {{ items|length }} items:
            {% for item in items %}
            {{ forloop.counter }}. {{ item }}
            {% endfor %}
            done {{ items|tojson }}
            """)
        let rendered = try template.render(["items": ["x", "y"]])
        #expect(rendered == "2 items:\n1. x\n2. y\ndone [\"x\",\"y\"]")
    }

    @Test func aMissingColumnIsNamed() {
        #expect(throws: TaskError.missingColumn("topic", usage: "used by the template")) {
            try PromptTemplate("About {{ topic }}").render(row: ["other": 1], columns: ["topic"])
        }
        let message = "\(TaskError.missingColumn("topic", usage: "used by the template"))"
        #expect(message == "the row has no value for column 'topic' (used by the template)")
    }
}
