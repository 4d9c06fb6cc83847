import Foundation
import NIOConcurrencyHelpers
import NIOCore
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
                channel.pipeline.addHandler(BenchHandler(latency: latency, requests: requests))
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

/// One connection's HTTP/1.1 handling, as cheap as we can make it: no HTTP codec, the request bytes are only scanned
/// for the end of the head and `Content-Length`, and every answer is one pre-encoded buffer (head and body) written
/// after the latency. Keep-alive and pipelined requests are supported; `GET /stats` gets `requests cpu_seconds`.
final class BenchHandler: ChannelInboundHandler, @unchecked Sendable {  // only touched on its channel's event loop
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let completion = Array(
        #"{"id":"bench","object":"chat.completion","created":0,"model":"bench","choices":[{"index":0,"message":{"role":"assistant","content":"A short answer."},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16}}"#
            .utf8)
    static let answer = ByteBuffer(bytes: response(body: completion, type: "application/json"))

    static func response(body: [UInt8], type: String) -> [UInt8] {
        Array(
            "HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nConnection: keep-alive\r\n\r\n"
                .utf8) + body
    }

    let latency: TimeAmount
    let requests: NIOLockedValueBox<Int>
    var pending = ByteBuffer()

    init(latency: TimeAmount, requests: NIOLockedValueBox<Int>) {
        self.latency = latency
        self.requests = requests
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        if pending.readableBytes == 0 {
            pending = chunk
        } else {
            pending.writeBuffer(&chunk)
        }
        var answered = 0
        while let request = nextRequest() {
            pending.moveReaderIndex(forwardBy: request.length)
            if request.isStats {
                let text = "\(requests.withLockedValue { $0 }) \(processCPUSeconds())"
                context.writeAndFlush(
                    wrapOutboundOut(ByteBuffer(bytes: Self.response(body: Array(text.utf8), type: "text/plain"))),
                    promise: nil)
                continue
            }
            answered += 1
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: latency) {
                let (handler, context) = loopBound.value
                guard context.channel.isActive else { return }
                context.writeAndFlush(handler.wrapOutboundOut(Self.answer), promise: nil)
            }
        }
        if answered > 0 { requests.withLockedValue { $0 += answered } }
        if pending.readableBytes == 0 { pending.clear() }
    }

    /// The length of the first complete request in `pending` (head and body) and whether it is `GET /stats`, or
    /// `nil` while it is incomplete.
    private func nextRequest() -> (isStats: Bool, length: Int)? {
        pending.withUnsafeReadableBytes { bytes -> (isStats: Bool, length: Int)? in
            guard bytes.count >= 4 else { return nil }
            var end = -1
            var index = 3
            while index < bytes.count {
                if bytes[index] == 0x0A, bytes[index - 1] == 0x0D, bytes[index - 2] == 0x0A, bytes[index - 3] == 0x0D {
                    end = index + 1
                    break
                }
                index += 1
            }
            guard end > 0 else { return nil }
            let head = UnsafeRawBufferPointer(rebasing: bytes[0..<end])
            let length = Self.contentLength(head)
            guard end + length <= bytes.count else { return nil }
            let isStats = head.starts(with: "GET /stats".utf8)
            return (isStats: isStats, length: end + length)
        }
    }

    /// The `Content-Length` of a request head (0 when absent).
    private static func contentLength(_ head: UnsafeRawBufferPointer) -> Int {
        let name = Array("\ncontent-length:".utf8)
        var index = 0
        outer: while index + name.count <= head.count {
            for offset in 0..<name.count {
                var byte = head[index + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != name[offset] {
                    index += 1
                    continue outer
                }
            }
            var value = 0
            var position = index + name.count
            while position < head.count, head[position] == 0x20 { position += 1 }
            while position < head.count, head[position] >= 0x30, head[position] <= 0x39 {
                value = value * 10 + Int(head[position] - 0x30)
                position += 1
            }
            return value
        }
        return 0
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
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
