import GGUFRuntime
import Testing

@Suite struct ChatTemplateFixtureTests {
    static let names = ["system_user", "user_only", "multi_turn", "multi_turn_with_system"]

    @Test(arguments: names)
    func rendersLikeLlamaCpp(name: String) throws {
        let fixture = try ChatTemplateFixture.load()
        let conversation = try #require(fixture.conversations.first { $0.name == name })
        let template = try ChatTemplate(source: fixture.chat_template)
        let messages = conversation.messages.map { ChatMessage(role: $0.role, content: $0.content) }
        #expect(try template.render(messages, addGenerationPrompt: true) == conversation.prompt)
        #expect(
            try template.render(messages, addGenerationPrompt: false) == conversation.prompt_without_generation_prompt)
    }

    @Test func allFixtureConversationsAreCovered() throws {
        let fixture = try ChatTemplateFixture.load()
        #expect(fixture.conversations.map(\.name).sorted() == Self.names.sorted())
    }

    @Test func defaultSystemPromptOnlyWithoutSystemMessage() throws {
        let fixture = try ChatTemplateFixture.load()
        let template = try ChatTemplate(source: fixture.chat_template)
        let withoutSystem = try template.render([.user("Hi")])
        let withSystem = try template.render([.system("Be brief."), .user("Hi")])
        #expect(withoutSystem.contains(fixture.default_system_prompt))
        #expect(!withSystem.contains(fixture.default_system_prompt))
    }

    @Test func chatMLFallbackWhenTemplateIsUnusable() throws {
        let broken = ChatTemplate.parsedOrChatML("{% for message in messages %}{{ message.content }}")
        let reason = try #require(broken.fallbackReason)
        #expect(reason.contains("line 1"))
        #expect(try broken.render([.user("Hi")]) == "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n")
        #expect(ChatTemplate.parsedOrChatML(nil).fallbackReason != nil)
        let fixture = try ChatTemplateFixture.load()
        #expect(ChatTemplate.parsedOrChatML(fixture.chat_template).fallbackReason == nil)
    }
}
