import DistilabelCore
import Foundation
import LLMClients
import Synchronization

/// The request-level response cache kept in a pipeline's cache: `<cache directory>/<name>/responses/`.
///
/// Every answer is keyed by what reached the wire (``ResponseCacheKey``: client kind, base URL, model, the exact
/// messages, generation parameters, response format, generation index), so a request answered once is never paid
/// for again — in this execution or in any later one of the same pipeline name, whatever else changed.
///
/// Each process appends to a journal file of its own (`<pid>-<uuid>.jsonl`: one `{"key", "response"}` per line, the
/// key being the SHA-1 of the canonical request) and reads every journal when it opens. Each answer is written to the
/// journal (one `write(2)` of a whole line) as soon as it arrives, so a `kill -9` loses no answer the process had
/// received: the kernel keeps what was written. The journal is `fsync`ed (on a background queue) at most every
/// ``flushInterval``, so a power loss or kernel crash loses at most that interval's answers (plus those of an `fsync`
/// still running), which are then asked again. Torn last lines are skipped.
public actor DurableResponseCache: ResponseCache {
    private static let shared = Mutex<[String: DurableResponseCache]>([:])

    /// The cache for `directory`, shared by every LLM of this process that uses it.
    public static func shared(directory: URL) throws -> DurableResponseCache {
        let path = directory.standardizedFileURL.path
        return try shared.withLock { caches in
            if let existing = caches[path] { return existing }
            let cache = try DurableResponseCache(directory: URL(fileURLWithPath: path))
            caches[path] = cache
            return cache
        }
    }

    public let directory: URL
    public let flushInterval: Duration
    private var answers: [String: String] = [:]
    private var unsynced = false
    private var lastFlush = ContinuousClock.now
    private let journal: URL
    private var descriptor: Int32 = -1
    /// The error of the last background `fsync` that failed.
    private let backgroundError = BackgroundError()
    /// Whether a background `fsync` was started since the last ``flush()``.
    private var backgroundPending = false

    public init(directory: URL, flushInterval: Duration = .milliseconds(100)) throws {
        self.directory = directory
        self.flushInterval = flushInterval
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        journal = directory.appendingPathComponent(
            "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).jsonl")
        var loaded: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        where name.hasSuffix(".jsonl") {
            guard let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                continue
            }
            for line in bytes.split(separator: 0x0A) {
                guard case .struct(let row) = try? Value(jsonBytes: Array(line)),
                    let key = row["key"]?.stringValue, let response = row["response"]?.stringValue
                else { continue }
                loaded[key] = response
            }
        }
        answers = loaded
    }

    /// How many answers the cache holds.
    public var count: Int { answers.count }

    public func lookup(_ key: ResponseCacheKey) async -> String? {
        answers[SHA1.hex(key.canonical)]
    }

    public func store(_ key: ResponseCacheKey, response: String) async throws {
        let hash = SHA1.hex(key.canonical)
        answers[hash] = response
        let line: Value = ["key": .string(hash), "response": .string(response)]
        var bytes = Array(line.jsonString().utf8)
        bytes.append(0x0A)
        try append(bytes)
        unsynced = true
        if ContinuousClock.now - lastFlush >= flushInterval { try syncInBackground() }
    }

    /// Starts an `fsync` of what was written so far on a queue of its own, so that a slow disk never blocks one of
    /// the few threads that run the requests; its error, if any, is thrown by the next `store` or ``flush()``.
    private func syncInBackground() throws {
        try throwBackgroundError()
        lastFlush = .now
        guard unsynced, descriptor >= 0 else { return }
        unsynced = false
        backgroundPending = true
        let descriptor = self.descriptor
        let path = journal.path
        let backgroundError = self.backgroundError
        Self.syncQueue.async {
            if fsync(descriptor) != 0 {
                let reason = String(cString: strerror(errno))
                backgroundError.value.withLock { $0 = ResponseCacheError(path: path, reason: reason) }
            }
        }
    }

    private func throwBackgroundError() throws {
        if let error = backgroundError.value.withLock({ $0 }) { throw error }
    }

    /// Where background `fsync`s run, one at a time.
    private static let syncQueue = DispatchQueue(label: "DistilabelLLMs.DurableResponseCache.sync")

    /// Appends whole lines to this process's journal, creating it (and making its name durable) on first use.
    private func append(_ bytes: [UInt8]) throws {
        if descriptor < 0 {
            descriptor = open(journal.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw ResponseCacheError(path: journal.path, reason: String(cString: strerror(errno)))
            }
            let directoryFD = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directoryFD >= 0 {
                fsync(directoryFD)
                close(directoryFD)
            }
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw ResponseCacheError(path: journal.path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// `fsync`s the answers written since the last flush, waiting for it.
    public func flush() throws {
        try throwBackgroundError()
        lastFlush = .now
        guard unsynced || backgroundPending, descriptor >= 0 else { return }
        unsynced = false
        backgroundPending = false
        guard fsync(descriptor) == 0 else {
            throw ResponseCacheError(path: journal.path, reason: String(cString: strerror(errno)))
        }
    }
}

/// The response cache could not be written.
public struct ResponseCacheError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "Could not save LLM answers to \(path): \(reason)" }
}

/// The error of a background `fsync`, kept until the cache's next call reports it.
private final class BackgroundError: Sendable {
    let value = Mutex<ResponseCacheError?>(nil)
}
