import Foundation
import GGUFRuntime
import Testing

/// Decodes fixture files from `../shared/fixtures/smollm2` and shares one tokenizer read from the model.
enum Fixtures {
    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        let data = try Foundation.Data(contentsOf: TestModel.fixtures.appendingPathComponent(name))
        return try JSONDecoder().decode(type, from: data)
    }

    /// The SmolLM2 tokenizer, read once from the model's metadata.
    static let tokenizer: Swift.Result<BPETokenizer, any Swift.Error> = Swift.Result {
        try BPETokenizer(metadata: try TestModel.openFile().metadata)
    }

    static func loadTokenizer() throws -> BPETokenizer { try tokenizer.get() }
}

/// `chat_template.json`.
struct ChatTemplateFixture: Decodable {
    struct Message: Decodable {
        var role: String
        var content: String
    }

    struct Conversation: Decodable {
        var name: String
        var messages: [Message]
        var prompt: String
        var ids: [Int32]
        var prompt_without_generation_prompt: String
        var ids_without_generation_prompt: [Int32]
    }

    var chat_template: String
    var default_system_prompt: String
    var conversations: [Conversation]

    static func load() throws -> ChatTemplateFixture {
        try Fixtures.decode(ChatTemplateFixture.self, from: "chat_template.json")
    }
}

/// `tokenization.json`.
struct TokenizationFixture: Decodable {
    struct Case: Decodable {
        var name: String
        var text: String
        var ids: [Int32]
        var detokenized: String
        var ids_parse_special_false: [Int32]?
        var detokenized_parse_special_false: String?
    }

    struct SpecialToken: Decodable {
        var id: Int32
        var text: String
    }

    var vocab_size: Int
    var add_bos: Bool
    var special_tokens_token_type_3: [SpecialToken]
    var cases: [Case]

    static let shared: Swift.Result<TokenizationFixture, any Swift.Error> = Swift.Result {
        try Fixtures.decode(TokenizationFixture.self, from: "tokenization.json")
    }

    /// The case names, for parameterised tests (empty when the fixture is unreadable, which other tests report).
    static var caseNames: [String] { (try? shared.get().cases.map(\.name)) ?? [] }

    static func named(_ name: String) throws -> Case {
        try #require(try shared.get().cases.first { $0.name == name })
    }
}
