/// A chat template: the Jinja template a model ships in `tokenizer.chat_template`, parsed once and rendered for
/// conversations the way Hugging Face transformers renders it (jinja2 with `trim_blocks` and `lstrip_blocks`).
///
/// ```swift
/// let template = try ChatTemplate(source: templateText)
/// let prompt = try template.render([.user("Hi!")], addGenerationPrompt: true)
/// ```
///
/// The renderer supports the Jinja subset chat templates use: `for` (with `loop`, `else`, filters, `break`),
/// `if`/`elif`/`else`, `set` (including `namespace()` attributes and block sets), `macro`, expressions with
/// arithmetic, comparisons, `in`, `~`, `and`/`or`/`not`, conditional expressions, subscripts, slices, attributes and
/// string and dict methods, common filters and tests, and whitespace control. Anything else is reported as an
/// ``GGUFError/templateSyntax(message:line:column:)`` with its position. Known difference: tuples print
/// like lists (`[1, 2]` rather than `(1, 2)`).
public struct ChatTemplate: Sendable {
    /// The template text.
    public let source: String
    /// Why this template is the ChatML fallback rather than the model's own, or nil when it is not a fallback.
    public let fallbackReason: String?
    private let nodes: [JinjaNode]
    private let sourceMap: JinjaSourceMap

    /// Parses a template.
    ///
    /// - Throws: ``GGUFError/templateSyntax(message:line:column:)`` for syntax errors and unsupported tags.
    public init(source: String) throws(GGUFError) {
        try self.init(source: source, fallbackReason: nil)
    }

    private init(source: String, fallbackReason: String?) throws(GGUFError) {
        var lexer = JinjaLexer(source: source)
        let tokens = try lexer.tokenize()
        var parser = JinjaParser(tokens: tokens, sourceMap: lexer.sourceMap)
        nodes = try parser.parseTemplate()
        sourceMap = lexer.sourceMap
        self.source = source
        self.fallbackReason = fallbackReason
    }

    /// The ChatML template text (`<|im_start|>role\ncontent<|im_end|>\n` per message), used when a model has no
    /// usable template.
    public static let chatMLSource =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>'"
        + " + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"

    /// The ChatML template.
    public static let chatML: ChatTemplate = try! ChatTemplate(source: chatMLSource)

    /// The model's template when it parses, else ChatML with ``fallbackReason`` saying why.
    ///
    /// - Parameter source: the model's `tokenizer.chat_template`, or nil when the model has none.
    public static func parsedOrChatML(_ source: String?) -> ChatTemplate {
        guard let source else {
            return try! ChatTemplate(
                source: chatMLSource, fallbackReason: "the model has no chat template; using ChatML")
        }
        do {
            return try ChatTemplate(source: source)
        } catch {
            return try! ChatTemplate(
                source: chatMLSource,
                fallbackReason: "the model's chat template cannot be used (\(error)); using ChatML"
            )
        }
    }

    /// Renders a conversation.
    ///
    /// - Parameters:
    ///   - messages: the conversation, available to the template as `messages` (each with `role` and `content`).
    ///   - addGenerationPrompt: whether to open an assistant turn at the end (`add_generation_prompt`).
    ///   - bosToken: the text of the beginning-of-sequence token (`bos_token`).
    ///   - eosToken: the text of the end-of-sequence token (`eos_token`).
    ///   - variables: further variables, such as `tools`.
    /// - Throws: ``GGUFError/templateRuntime(message:line:column:)`` when rendering fails.
    public func render(
        _ messages: [ChatMessage],
        addGenerationPrompt: Bool = true,
        bosToken: String = "",
        eosToken: String = "",
        variables: [String: TemplateValue] = [:]
    ) throws(GGUFError) -> String {
        var globals: [String: JinjaValue] = [:]
        for (name, value) in variables { globals[name] = JinjaValue(value) }
        globals["messages"] = .list(
            messages.map { message in
                var object = JinjaObject()
                object["role"] = .string(message.role)
                object["content"] = .string(message.content)
                return .object(object)
            })
        globals["add_generation_prompt"] = .bool(addGenerationPrompt)
        globals["bos_token"] = .string(bosToken)
        globals["eos_token"] = .string(eosToken)
        let interpreter = JinjaInterpreter(globals: globals, sourceMap: sourceMap)
        return try interpreter.render(nodes)
    }
}
