#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only file read with `pread`, so that only the requested ranges are in memory.
///
/// Sendable: the descriptor is immutable and `pread` does not use the shared file offset.
final class RandomAccessFile: Sendable {
    let path: String
    let size: Int
    private let descriptor: Int32

    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ParquetError.io(path: path, operation: "open", errno: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw ParquetError.io(path: path, operation: "fstat", errno: code)
        }
        self.path = path
        self.descriptor = descriptor
        self.size = Int(status.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// Reads exactly `count` bytes at `offset`; the range must lie inside the file.
    func read(offset: Int, count: Int) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else {
            throw ParquetError.notParquet(
                reason: "byte range \(offset)..<\(offset &+ count) lies outside the file of \(size) bytes")
        }
        if count == 0 { return [] }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let result = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if result == 0 {
                    failure = EIO
                    break
                }
                done += result
            }
            // Zero what was not read so the buffer is always fully initialized.
            if done < count { (buffer.baseAddress! + done).initialize(repeating: 0, count: count - done) }
            initialized = count
        }
        if failure != 0 { throw ParquetError.io(path: path, operation: "pread", errno: failure) }
        return bytes
    }
}
