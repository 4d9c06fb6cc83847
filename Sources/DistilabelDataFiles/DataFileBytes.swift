import Foundation

/// Reads a data file's bytes with POSIX calls: from the start in chunks, or one byte range, never the whole file at
/// once.
enum DataFileBytes {
    /// The size of the chunks ``forEachChunk(path:_:)`` reads.
    static let chunkSize = 1 << 18

    /// Calls `body` with successive chunks of the file at `path` and the offset where each starts, until the end of
    /// the file or until `body` returns false.
    static func forEachChunk(path: String, _ body: (UnsafeRawBufferPointer, Int) throws -> Bool) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileSystemDataError.unreadable(path: path) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemDataError.unreadable(path: path)
            }
            if count == 0 { return }
            guard try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), offset) else { return }
            offset += count
        }
    }

    /// The bytes at `range` of the file at `path`: fewer when the file ends before `range` does.
    static func bytes(of path: String, in range: Range<Int>) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileSystemDataError.unreadable(path: path) }
        defer { close(descriptor) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            var done = 0
            while done < range.count {
                let count = pread(
                    descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                if count < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if count == 0 { break }
                done += count
            }
            initialized = done
        }
        if failed { throw FileSystemDataError.unreadable(path: path) }
        return bytes
    }
}
