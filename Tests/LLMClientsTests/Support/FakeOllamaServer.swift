import LLMClients
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A fake Ollama server on 127.0.0.1 (port 0) answering `POST /api/chat` with an NDJSON stream.
///
/// The reply echoes the last message: `"echo: <content>"` in three chunks, or `{"answer": "<content>"}` when
/// the request has a `format`. Scripted behaviours, consumed one per request in order, inject faults.
final class FakeOllamaServer: Sendable {
    /// What the next request gets.
    enum Behavior: Sendable {
        case fail(status: Int, retryAfterMilliseconds: Int?)
        case truncate
        case stall(seconds: Double)
        case reply(String)
        case delay(seconds: Double)
    }

    struct State {
        var behaviors: [Behavior] = []
        var requests: [JSONValue] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    let state = Mutex(State())
    let channel: any Channel
    let port: Int
    var host: String { "http://127.0.0.1:\(port)" }

    private init(channel: any Channel) {
        self.channel = channel
        self.port = channel.localAddress?.port ?? 0
    }

    /// Starts a server, runs `body`, and closes the server on every path.
    static func with<T: Sendable>(_ body: (FakeOllamaServer) async throws -> T) async throws -> T {
        let box = Mutex<FakeOllamaServer?>(nil)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let server = box.withLock { $0 }!
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FakeOllamaHandler(server: server))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        let server = FakeOllamaServer(channel: channel)
        box.withLock { $0 = server }
        do {
            let result = try await body(server)
            try? await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// Queues behaviours for the next requests.
    func script(contentsOf behaviors: [Behavior]) {
        state.withLock { $0.behaviors += behaviors }
    }

    /// Queues behaviours for the next requests.
    func script(_ behaviors: Behavior...) {
        state.withLock { $0.behaviors += behaviors }
    }

    /// The bodies of the requests received, in order.
    var requests: [JSONValue] { state.withLock { $0.requests } }
    /// The most requests that were in flight at once.
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    /// Records a request and takes its behaviour.
    func begin(_ body: JSONValue) -> Behavior? {
        state.withLock { state in
            state.requests.append(body)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            return state.behaviors.isEmpty ? nil : state.behaviors.removeFirst()
        }
    }

    func end() {
        state.withLock { $0.inFlight -= 1 }
    }
}
