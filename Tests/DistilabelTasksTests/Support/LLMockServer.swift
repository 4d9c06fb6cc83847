import AsyncHTTPClient
import Foundation
import LLMClients
import NIOCore
import Testing

/// An llmock server (PyPI `llmock==0.2.2`, installed by `Scripts/bootstrap-test-tools`) running on 127.0.0.1 for
/// the duration of one test.
struct LLMockServer: Sendable {
    /// `http://127.0.0.1:PORT`.
    let root: String
    var openAIBaseURL: String { root + "/v1" }
    var anthropicBaseURL: String { root + "/anthropic" }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let python = packageRoot.appendingPathComponent(".venv-tools/bin/python")
    static let isInstalled = FileManager.default.isExecutableFile(atPath: python.path)
    /// Tests run when llmock is installed, and always on CI (where a missing llmock fails them).
    static let shouldRun = isInstalled || ProcessInfo.processInfo.environment["CI"] != nil
    static let skipMessage: Comment = "llmock is not installed: run Scripts/bootstrap-test-tools"

    /// Binds a free port in Python itself (no race), prints it, then serves llmock on that socket.
    private static let launcher = """
        import os, socket, sys
        import uvicorn
        from llmock.main import create_app
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen(1024)
        print(sock.getsockname()[1], flush=True)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        uvicorn.Server(uvicorn.Config(create_app(), log_level="warning")).run(sockets=[sock])
        """

    /// Starts llmock (answering after `latencyMilliseconds`), runs `body`, and stops llmock on every path.
    static func with<T: Sendable>(
        latencyMilliseconds: Int = 0, _ body: (LLMockServer) async throws -> T
    ) async throws -> T {
        guard isInstalled else {
            throw TestFailure("llmock is missing at \(python.path) (CI is set): run Scripts/bootstrap-test-tools")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", launcher]
        var environment = ProcessInfo.processInfo.environment
        environment["LLMOCK_LATENCY_MS"] = String(latencyMilliseconds)
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        do {
            let port = try await readPort(from: output.fileHandleForReading)
            let server = LLMockServer(root: "http://127.0.0.1:\(port)")
            try await server.waitUntilHealthy()
            let result = try await body(server)
            stop(process)
            return result
        } catch {
            stop(process)
            throw error
        }
    }

    /// Kills llmock at once: a graceful uvicorn shutdown waits for the client's idle keep-alive connections.
    private static func stop(_ process: Process) {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    private static func readPort(from handle: FileHandle) async throws -> Int {
        let line: String = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while !bytes.contains(UInt8(ascii: "\n")) {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    bytes += chunk
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TestFailure("llmock did not start (it printed \(line.debugDescription))")
        }
        return port
    }

    private func waitUntilHealthy() async throws {
        for _ in 0..<200 {
            if let response = try? await LLMHTTPClient.shared.execute(
                HTTPClientRequest(url: root + "/health"), timeout: .seconds(2)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestFailure("llmock at \(root) never became healthy")
    }

    // MARK: Control API

    /// Queues fault-injection behaviours (`POST /_llmock/scenario`).
    func addScenario(_ behaviors: [JSONValue]) async throws {
        _ = try await send("POST", "/_llmock/scenario", body: ["behaviors": .array(behaviors)])
    }

    /// Every request served so far (`GET /_llmock/requests`).
    func requests() async throws -> [JSONValue] {
        try await send("GET", "/_llmock/requests")["requests"]?.arrayValue ?? []
    }

    /// How well the client coped (`GET /_llmock/verdict`).
    func verdict() async throws -> JSONValue {
        try await send("GET", "/_llmock/verdict")
    }

    private func send(_ method: String, _ path: String, body: JSONValue? = nil) async throws -> JSONValue {
        var request = HTTPClientRequest(url: root + path)
        request.method = .init(rawValue: method)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body.canonicalJSON))
        }
        let response = try await LLMHTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        guard (200..<300).contains(response.status.code) else {
            throw TestFailure("\(method) \(path) answered \(response.status.code): \(String(buffer: bytes))")
        }
        return try JSONValue(parsing: Array(buffer: bytes))
    }
}

/// A test-infrastructure failure with a readable message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
