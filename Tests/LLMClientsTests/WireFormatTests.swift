import NIOCore
import Testing

@testable import LLMClients

/// Requests covering every optional field, escapes and non-ASCII text.
private let requests: [ChatRequest] = [
    ChatRequest(messages: [.user("Hi")]),
    ChatRequest(
        messages: [
            .system("Be \"brief\"\\ \n\r\t \u{01}\u{1F}"), .user("héllo 🌍 \u{7F}"), .assistant(""),
            ChatMessage(role: "tool", content: "{\"a\": [1, 2]}"),
        ],
        parameters: GenerationParameters(
            temperature: 0.7, topP: 1, maxNewTokens: 64, stop: ["\n\n", "END"], seed: -3, frequencyPenalty: 0.25,
            presencePenalty: -1.5e-7, numGenerations: 3,
            responseFormat: ResponseFormat(
                name: "answer",
                schema: [
                    "type": "object", "properties": ["b": ["type": "number"], "a": ["type": "string"]],
                    "required": ["a"],
                ], strict: false))),
    ChatRequest(messages: [.user("x")], parameters: GenerationParameters(temperature: 2.5e20, stop: [])),
    ChatRequest(messages: [.user("y")], parameters: GenerationParameters(topP: 0.1 + 0.2, seed: 0)),
]

@Test(arguments: requests)
func requestBodyBytesAreTheCanonicalJSONOfTheBodyTree(request: ChatRequest) {
    for (n, stream) in [(1, false), (3, true)] {
        let tree = OpenAIClient.body(for: request, model: "m\"odel", n: n, stream: stream).canonicalJSON
        let bytes = OpenAIClient.bodyBytes(for: request, model: "m\"odel", n: n, stream: stream)
        #expect(String(decoding: bytes, as: UTF8.self) == tree)
    }
}

@Test(arguments: requests)
func cacheKeysAreTheCanonicalJSONOfTheKeyTree(request: ChatRequest) {
    let identity = ChatClientIdentity(
        kind: .anthropic, baseURLs: ["http://b:1/v1", "http://a:2/v1"], model: "claude",
        supportsMultipleGenerations: false)
    for index in [0, 2] {
        let key = ResponseCacheKey(identity: identity, request: request, generationIndex: index)
        let tree = ResponseCacheKey.tree(identity: identity, request: request, generationIndex: index)
        #expect(key.canonical == tree.canonicalJSON)
    }
}

@Test func completionParserReadsChoicesInIndexOrderWithEscapesAndUsage() throws {
    let body = #"""
        {"id":"x","choices":[
          {"index":1,"message":{"role":"assistant","content":"second \"quoted\" \\ \n \u00e9 \ud83c\udf0d \/"}},
          {"finish_reason":"stop","index":0.0,"message":{"content":null,"tool_calls":[{"a":[true,false,null,-1.5e3]}]}},
          {"index":2,"message":{"content":42}}
        ],"usage":{"prompt_tokens":12,"completion_tokens":4.0,"total_tokens":16},"extra":{"k":[{}, []]}}
        """#
    let completion = try OpenAICompletion.parse(ByteBuffer(string: body), url: "u")
    #expect(completion.texts == [nil, "second \"quoted\" \\ \n é 🌍 /", nil])
    #expect(completion.inputTokens == 12)
    #expect(completion.outputTokens == 4)
    #expect(completion.raw == body)
}

@Test(arguments: [
    #"{"choices":[{"message":{"content":"a"}}]"#, #"{"choices":{}}"#, #"[]"#, #"{"choices":[]} x"#,
    #"{"choices":[{"message":{"content":"a\x"}}]}"#, #"{"choices":[1,]}"#, "", #"{"usage":{}}"#,
])
func completionParserRejectsWhatIsNotAnObjectWithChoices(body: String) {
    #expect(throws: LLMClientError.self) { try OpenAICompletion.parse(ByteBuffer(string: body), url: "u") }
}

@Test func completionParserAgreesWithTheJSONValueParser() throws {
    let body =
        #"{"choices":[{"index":0,"message":{"content":"A short answer."}}],"usage":{"prompt_tokens":7,"completion_tokens":3}}"#
    let completion = try OpenAICompletion.parse(Array(body.utf8), url: "u")
    let json = try JSONValue(parsing: Array(body.utf8))
    #expect(completion.texts == [json["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue])
    #expect(completion.inputTokens == json["usage"]?["prompt_tokens"]?.intValue)
    #expect(completion.outputTokens == json["usage"]?["completion_tokens"]?.intValue)
}
