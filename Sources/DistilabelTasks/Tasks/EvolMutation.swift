/// One way ``EvolInstruct`` rewrites an instruction: a name and a prompt with `<PROMPT>` where the instruction
/// goes.
public struct EvolMutation: Sendable, Hashable {
    public var name: String
    public var template: String

    public init(name: String, template: String) {
        self.name = name
        self.template = template
    }

    /// The prompt for `instruction`.
    public func prompt(for instruction: String) -> String {
        template.replacingOccurrences(of: "<PROMPT>", with: instruction)
    }

    private static func rewrite(_ method: String) -> String {
        """
        You rewrite prompts so that strong AI assistants find them harder, while a person can still understand \
        and answer them.

        How to make this prompt harder: \(method)

        Keep everything the prompt contains, including code, tables and inputs. Add at most 10 to 20 words, and \
        never write the words "original prompt" or "rewritten prompt" in your rewrite.

        The prompt:
        <PROMPT>

        Reply with the rewritten prompt only, after the line "Rewritten prompt:".
        Rewritten prompt:
        """
    }

    /// distilabel's five mutations (`CONSTRAINTS`, `DEEPENING`, `CONCRETIZING`, `INCREASED_REASONING_STEPS`,
    /// `BREADTH`), with prompts of our own.
    public static let defaults: [EvolMutation] = [
        EvolMutation(name: "CONSTRAINTS", template: rewrite("add one more constraint or requirement to it.")),
        EvolMutation(
            name: "DEEPENING",
            template: rewrite("if it asks about an issue, ask about it in more depth and breadth.")),
        EvolMutation(name: "CONCRETIZING", template: rewrite("replace general concepts with more specific ones.")),
        EvolMutation(
            name: "INCREASED_REASONING_STEPS",
            template: rewrite(
                "if a few simple thoughts are enough to answer it, ask explicitly for reasoning in several steps.")),
        EvolMutation(
            name: "BREADTH",
            template: """
                You invent new prompts inspired by a given one: the same domain, a rarer topic, a similar length and \
                difficulty. The new prompt must make sense and be answerable by a person, and must not mention the \
                given prompt.

                The given prompt:
                <PROMPT>

                Reply with the new prompt only, after the line "New prompt:".
                New prompt:
                """),
    ]

    /// The instruction in a reply: the text after the last `Rewritten prompt:` / `New prompt:` label (or the whole
    /// reply without one), trimmed; `nil` when nothing is left.
    static func instruction(in reply: String) -> String? {
        var text = Substring(reply)
        for label in ["rewritten prompt:", "new prompt:", "prompt#:"] {
            if let range = text.range(of: label, options: [.caseInsensitive, .backwards]) {
                text = text[range.upperBound...]
            }
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
