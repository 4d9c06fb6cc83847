import GGUFRuntime
import Testing

@Suite(.enabled(if: TestModel.available)) struct TokenizerFixtureTests {
    @Test func fixtureHasAllCases() throws {
        #expect(try TokenizationFixture.shared.get().cases.count == 51)
    }

    @Test(arguments: TokenizationFixture.caseNames)
    func encodesLikeLlamaCppWithSpecialTokens(name: String) throws {
        let tokenizer = try Fixtures.loadTokenizer()
        let fixture = try TokenizationFixture.named(name)
        #expect(tokenizer.encode(fixture.text, parseSpecial: true) == fixture.ids)
        #expect(tokenizer.decode(fixture.ids) == fixture.detokenized)
        #expect(tokenizer.decode(fixture.ids) == fixture.text)
    }

    @Test(arguments: TokenizationFixture.caseNames)
    func encodesLikeLlamaCppWithoutSpecialTokens(name: String) throws {
        let tokenizer = try Fixtures.loadTokenizer()
        let fixture = try TokenizationFixture.named(name)
        let ids = tokenizer.encode(fixture.text, parseSpecial: false)
        #expect(ids == (fixture.ids_parse_special_false ?? fixture.ids))
        #expect(tokenizer.decode(ids) == (fixture.detokenized_parse_special_false ?? fixture.detokenized))
    }

    @Test func vocabularyFacts() throws {
        let tokenizer = try Fixtures.loadTokenizer()
        let fixture = try TokenizationFixture.shared.get()
        #expect(tokenizer.vocabularySize == fixture.vocab_size)
        #expect(tokenizer.addBOS == fixture.add_bos)
        #expect(tokenizer.preTokenizer == .digitsThenGPT2)
        for special in fixture.special_tokens_token_type_3 {
            #expect(tokenizer.tokens[Int(special.id)] == special.text)
            #expect(tokenizer.tokenTypes[Int(special.id)] == .control)
        }
        #expect(tokenizer.tokenTypes.filter { $0 == .control }.count == fixture.special_tokens_token_type_3.count)
        #expect(tokenizer.bosTokenID == 1 && tokenizer.eosTokenID == 2)
        #expect(tokenizer.endOfGenerationTokenIDs == [0, 2, 4])
    }

    @Test(arguments: ChatTemplateFixtureTests.names)
    func chatTemplateRenderingsTokenizeLikeLlamaCpp(name: String) throws {
        let tokenizer = try Fixtures.loadTokenizer()
        let fixture = try ChatTemplateFixture.load()
        let conversation = try #require(fixture.conversations.first { $0.name == name })
        let template = try ChatTemplate(source: try TestModel.openFile().metadata.string("tokenizer.chat_template"))
        #expect(template.source == fixture.chat_template)
        let messages = conversation.messages.map { ChatMessage(role: $0.role, content: $0.content) }
        #expect(tokenizer.encode(try template.render(messages, addGenerationPrompt: true)) == conversation.ids)
        #expect(
            tokenizer.encode(try template.render(messages, addGenerationPrompt: false))
                == conversation.ids_without_generation_prompt)
    }

    @Test(arguments: TokenizationFixture.caseNames)
    func streamingDecodeEqualsWholeDecode(name: String) throws {
        let tokenizer = try Fixtures.loadTokenizer()
        let fixture = try TokenizationFixture.named(name)
        var detokenizer = StreamingDetokenizer(tokenizer: tokenizer, renderSpecial: true)
        var streamed = ""
        for id in fixture.ids {
            let piece = detokenizer.append(id)
            #expect(!piece.unicodeScalars.contains("\u{FFFD}"))
            streamed += piece
        }
        streamed += detokenizer.finish()
        #expect(streamed == fixture.detokenized)
    }
}

@Suite(.enabled(if: TestModel.available)) struct TokenizerLongInputTests {
    @Test func longPiecesRoundTrip() throws {
        let tokenizer = try Fixtures.loadTokenizer()
        let text = String(repeating: " ", count: 20_000) + "x" + String(repeating: "ab", count: 5_000) + "\n"
        let ids = tokenizer.encode(text)
        #expect(ids.count < text.utf8.count / 4)
        #expect(tokenizer.decode(ids) == text)
    }

    @Test func repeatedEncodingIsDeterministic() throws {
        let tokenizer = try Fixtures.loadTokenizer()
        let paragraph = try TokenizationFixture.named("long_paragraph")
        let text = String(repeating: paragraph.text + "\n", count: 50)
        let ids = tokenizer.encode(text)
        #expect(ids == tokenizer.encode(text))
        #expect(tokenizer.decode(ids) == text)
    }
}
