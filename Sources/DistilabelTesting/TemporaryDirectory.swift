import Foundation

/// A directory that exists for the duration of `body` and is removed afterwards, on every path.
public func withTemporaryDirectory<T>(
    prefix: String = "distilabel-test", _ body: (URL) async throws -> T
) async throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}
