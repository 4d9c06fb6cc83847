import AsyncHTTPClient
import NIOCore

extension HTTPClientResponse.Body {
    /// Reads the whole body, marking progress on each chunk.
    func collectAll(progress: ProgressMarker, limit: Int = 64 << 20) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await var chunk in self {
            progress.touch()
            if let read = chunk.readBytes(length: chunk.readableBytes) { bytes += read }
            if bytes.count > limit { break }
        }
        return bytes
    }

    /// Calls `handle` with each line of the body (without its `\n` or `\r\n`), marking progress on each chunk.
    /// A last line without a newline is handed over too.
    func forEachLine(progress: ProgressMarker, _ handle: (Substring) throws -> Void) async throws {
        var pending: [UInt8] = []
        for try await chunk in self {
            progress.touch()
            pending += chunk.readableBytesView
            var start = 0
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                try handle(Substring(decoding: pending[start..<end], as: UTF8.self))
                start = newline + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty {
            try handle(Substring(decoding: pending, as: UTF8.self))
        }
    }
}
