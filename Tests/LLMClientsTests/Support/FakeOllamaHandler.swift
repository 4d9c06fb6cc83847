import LLMClients
import NIOCore
import NIOHTTP1

/// Serves one connection of ``FakeOllamaServer``.
final class FakeOllamaHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let server: FakeOllamaServer
    private var body = ByteBuffer()
    private var uri = ""

    init(server: FakeOllamaServer) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            uri = head.uri
            body.clear()
        case .body(var chunk):
            body.writeBuffer(&chunk)
        case .end:
            let request = (try? JSONValue(parsing: Array(buffer: body))) ?? .null
            if uri.hasSuffix("/chat/completions") {
                respondOneChoice(to: request, channel: context.channel)
            } else {
                respond(to: request, channel: context.channel)
            }
        }
    }

    private func respond(to request: JSONValue, channel: any Channel) {
        let behavior = server.begin(request)
        let server = self.server
        let content = request["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        var text =
            request["format"] != nil ? JSONValue.object(["answer": .string(content)]).canonicalJSON : "echo: " + content
        var delay = 0.0
        var stallAfterFirst = 0.0
        var truncate = false
        switch behavior {
        case .fail(let status, let retryAfter):
            var headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", "0")])
            let payload = ByteBuffer(string: #"{"error":"injected failure"}"#)
            headers.replaceOrAdd(name: "Content-Length", value: String(payload.readableBytes))
            if let retryAfter { headers.add(name: "retry-after-ms", value: String(retryAfter)) }
            let head = HTTPResponseHead(
                version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
            channel.write(HTTPServerResponsePart.head(head), promise: nil)
            channel.write(HTTPServerResponsePart.body(.byteBuffer(payload)), promise: nil)
            channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in server.end() }
            return
        case .truncate: truncate = true
        case .stall(let seconds): stallAfterFirst = seconds
        case .reply(let scripted): text = scripted
        case .delay(let seconds): delay = seconds
        case nil: break
        }
        let third = max(1, text.count / 3)
        let pieces = [
            String(text.prefix(third)), String(text.dropFirst(third).prefix(third)), String(text.dropFirst(2 * third)),
        ]
        var lines = pieces.map { piece in
            JSONValue.object([
                "model": request["model"] ?? .null, "done": false,
                "message": ["role": "assistant", "content": .string(piece)],
            ]).canonicalJSON
        }
        if !truncate {
            lines.append(
                JSONValue.object([
                    "model": request["model"] ?? .null, "done": true, "message": ["role": "assistant", "content": ""],
                    "prompt_eval_count": .integer(content.count), "eval_count": .integer(text.count),
                ]).canonicalJSON)
        } else {
            lines = Array(lines.prefix(1))
        }
        let head = HTTPResponseHead(
            version: .http1_1, status: .ok, headers: HTTPHeaders([("Content-Type", "application/x-ndjson")]))
        let loop = channel.eventLoop
        let chunks = lines
        let stall = stallAfterFirst
        loop.scheduleTask(in: .nanoseconds(Int64(delay * 1e9))) {
            channel.write(HTTPServerResponsePart.head(head), promise: nil)
            channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: chunks[0] + "\n"))))
                .whenComplete { _ in
                    loop.scheduleTask(in: .nanoseconds(Int64(stall * 1e9))) {
                        for line in chunks.dropFirst() {
                            channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: line + "\n"))))
                                .whenComplete { _ in }
                        }
                        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in server.end() }
                    }
                }
        }
    }

    /// An OpenAI-style answer with a single choice whatever `n` asked for (as some servers do).
    private func respondOneChoice(to request: JSONValue, channel: any Channel) {
        _ = server.begin(request)
        let server = self.server
        let content = request["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        let index = server.requests.count
        let answer: JSONValue = [
            "choices": [["index": 0, "message": ["role": "assistant", "content": .string("\(content) #\(index)")]]],
            "usage": ["prompt_tokens": 5, "completion_tokens": 2],
        ]
        let payload = ByteBuffer(string: answer.canonicalJSON)
        let headers = HTTPHeaders([
            ("Content-Type", "application/json"), ("Content-Length", String(payload.readableBytes)),
        ])
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)))
            .whenComplete { _ in }
        channel.write(HTTPServerResponsePart.body(.byteBuffer(payload))).whenComplete { _ in }
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in server.end() }
    }
}
