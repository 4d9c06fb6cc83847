import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension HTTPExecutor {
    /// One attempt, raced against the request timeout and, for streams, the stall timeout.
    ///
    /// - Throws: ``AttemptFailure`` for anything the retry loop should judge, `CancellationError` on cancellation.
    func attempt<T: Sendable>(
        url: String,
        headers: [(String, String)],
        body: ByteBuffer,
        streaming: Bool,
        consume: @escaping @Sendable (HTTPClientResponse.Body, String, ProgressMarker) async throws -> T
    ) async throws -> T {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(body)
        let prepared = request
        let stallTimeout = limits.streamStallTimeout
        let progress = ProgressMarker()
        let start = ContinuousClock.now
        let requestTimeout = limits.requestTimeout
        let timeoutNanos = Int64(max(0.001, requestTimeout) * 1e9)
        let httpClient = self.httpClient
        let logger = self.logger
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    let response = try await httpClient.execute(
                        prepared, deadline: .now() + .nanoseconds(timeoutNanos), logger: logger)
                    progress.touch()
                    guard (200..<300).contains(response.status.code) else {
                        let bytes = try await response.body.collectAll(progress: progress, limit: 1 << 20)
                        throw AttemptFailure(
                            error: .httpStatus(
                                url: url, status: Int(response.status.code), message: Self.serverMessage(bytes)),
                            retryAfter: Self.retryAfter(response.headers))
                    }
                    return try await consume(response.body, url, progress)
                }
                group.addTask {
                    try await Self.watchdog(
                        url: url, start: start, progress: progress, streaming: streaming,
                        requestTimeout: requestTimeout, stallTimeout: stallTimeout)
                    return nil
                }
                while let next = try await group.next() {
                    if let value = next {
                        group.cancelAll()
                        return value
                    }
                }
                throw CancellationError()
            }
        } catch let failure as AttemptFailure {
            throw failure
        } catch let error as LLMClientError {
            throw AttemptFailure(error: error)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            if let httpError = error as? HTTPClientError, httpError == .deadlineExceeded {
                throw AttemptFailure(error: .timeout(url: url, seconds: requestTimeout))
            }
            throw AttemptFailure(error: .connection(url: url, message: String(describing: error)))
        }
    }

    /// One attempt without streaming: the classic `HTTPClient` API collects the body, and its deadline covers the
    /// whole exchange, so neither a child task nor a watchdog is needed.
    ///
    /// - Throws: ``AttemptFailure`` for anything the retry loop should judge, `CancellationError` on cancellation.
    func collectedAttempt<T: Sendable>(
        url: String,
        headers: HTTPHeaders,
        body: ByteBuffer,
        parse: @Sendable (ByteBuffer, String) throws -> T
    ) async throws -> T {
        let requestTimeout = limits.requestTimeout
        let response: HTTPClient.Response
        do {
            let request = try HTTPClient.Request(url: url, method: .POST, headers: headers, body: .byteBuffer(body))
            let task = httpClient.execute(
                request: request, delegate: ResponseAccumulator(request: request, maxBodySize: 64 << 20),
                deadline: .now() + .nanoseconds(Int64(max(0.001, requestTimeout) * 1e9)), logger: logger)
            response = try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
        } catch {
            if Task.isCancelled { throw CancellationError() }
            if let httpError = error as? HTTPClientError, httpError == .deadlineExceeded {
                throw AttemptFailure(error: .timeout(url: url, seconds: requestTimeout))
            }
            throw AttemptFailure(error: .connection(url: url, message: String(describing: error)))
        }
        let bytes = response.body ?? ByteBuffer()
        guard (200..<300).contains(response.status.code) else {
            throw AttemptFailure(
                error: .httpStatus(
                    url: url, status: Int(response.status.code),
                    message: Self.serverMessage(Array(bytes.readableBytesView.prefix(1 << 20)))),
                retryAfter: Self.retryAfter(response.headers))
        }
        do {
            return try parse(bytes, url)
        } catch let error as LLMClientError {
            throw AttemptFailure(error: error)
        } catch {
            throw AttemptFailure(error: .invalidResponse(url: url, message: String(describing: error)))
        }
    }

    private static func watchdog(
        url: String, start: ContinuousClock.Instant, progress: ProgressMarker, streaming: Bool,
        requestTimeout: Double, stallTimeout: Double
    ) async throws {
        let deadline = start + .seconds(requestTimeout)
        while true {
            let now = ContinuousClock.now
            if now >= deadline { throw AttemptFailure(error: .timeout(url: url, seconds: requestTimeout)) }
            var wake = deadline
            if streaming {
                let stallAt = progress.lastProgress + .seconds(stallTimeout)
                if now >= stallAt { throw AttemptFailure(error: .streamStalled(url: url, seconds: stallTimeout)) }
                wake = min(wake, stallAt)
            }
            try await Task.sleep(until: wake, clock: .continuous)
        }
    }

    /// The seconds a server asked to wait: `retry-after-ms` first, then `Retry-After` in seconds.
    static func retryAfter(_ headers: HTTPHeaders) -> Double? {
        if let text = headers.first(name: "retry-after-ms"), let millis = Double(text), millis >= 0 {
            return millis / 1000
        }
        if let text = headers.first(name: "retry-after"), let seconds = Double(text), seconds >= 0 {
            return seconds
        }
        return nil
    }

    /// The message of an error body: `error.message`, `error` or `message` of a JSON body, else the text.
    static func serverMessage(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let json = try? JSONValue(parsing: bytes) else {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let message = json["error"]?["message"]?.stringValue { return message }
        if let message = json["error"]?.stringValue { return message }
        if let message = json["message"]?.stringValue { return message }
        if let message = json["detail"]?.stringValue { return message }
        return text
    }
}
