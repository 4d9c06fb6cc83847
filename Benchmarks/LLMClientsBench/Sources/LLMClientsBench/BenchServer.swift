import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A fake OpenAI-compatible chat-completions server that answers every request after a fixed latency.
///
/// `POST …/chat/completions` gets a small completion; `GET /stats` gets `requests cpu_seconds` of this process, so
/// that a parent can read the request count and the server's CPU time.
final class BenchServer: Sendable {
    let group: MultiThreadedEventLoopGroup
    let channel: any Channel
    let requests: NIOLockedValueBox<Int>

    var port: Int { channel.localAddress?.port ?? 0 }

    init(port: Int, latency: TimeAmount, threads: Int) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        let requests = NIOLockedValueBox(0)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 4096)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(BenchHandler(latency: latency, requests: requests))
                }
            }
        self.group = group
        self.requests = requests
        self.channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
    }

    func shutdown() async throws {
        try await channel.close()
        try await group.shutdownGracefully()
    }
}

/// One connection's HTTP/1.1 handling: keep-alive, one answer per request after the latency.
final class BenchHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let completion = Array(
        #"{"id":"bench","object":"chat.completion","created":0,"model":"bench","choices":[{"index":0,"message":{"role":"assistant","content":"A short answer."},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16}}"#
            .utf8)

    let latency: TimeAmount
    let requests: NIOLockedValueBox<Int>
    var head: HTTPRequestHead?

    init(latency: TimeAmount, requests: NIOLockedValueBox<Int>) {
        self.latency = latency
        self.requests = requests
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            if head.method == .GET && head.uri == "/stats" {
                let text = "\(requests.withLockedValue { $0 }) \(processCPUSeconds())"
                respond(context: context, head: head, body: Array(text.utf8), type: "text/plain")
                return
            }
            requests.withLockedValue { $0 += 1 }
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: latency) {
                let (handler, context) = loopBound.value
                handler.respond(context: context, head: head, body: Self.completion, type: "application/json")
            }
        }
    }

    func respond(context: ChannelHandlerContext, head: HTTPRequestHead, body: [UInt8], type: String) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: type)
        headers.add(name: "Content-Length", value: String(body.count))
        let keepAlive = head.isKeepAlive
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil
        )
        var buffer = context.channel.allocator.buffer(capacity: body.count)
        buffer.writeBytes(body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive { done.whenComplete { _ in context.close(promise: nil) } }
    }
}

/// User plus system CPU time of this process, in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// User plus system CPU time of this process's reaped children, in seconds.
func childrenCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
