#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written under a temporary name in its target directory and renamed into place only once complete.
///
/// `commit()` flushes, `fsync`s the file, renames it over the target and `fsync`s the directory, so that after a
/// crash the target is either absent (or its previous version) or complete; never half written. `abandon()` removes
/// the temporary file. A crash before either leaves a `.<name>.*.tmp` file beside the target, which is never read.
final class AtomicFileOutput {
    let path: String
    let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// The bytes written so far, buffered ones included: the offset of the next byte.
    private(set) var offset: Int64 = 0
    private static let flushThreshold = 1 << 20

    init(path: String) throws(ParquetError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var attempt = 0
        while true {
            let candidate = "\(directory.isEmpty ? "/" : directory)/.\(name).\(UInt32.random(in: 0...UInt32.max)).tmp"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                descriptor = fd
                temporaryPath = candidate
                break
            }
            attempt += 1
            guard errno == EEXIST, attempt < 100 else {
                throw .io(path: candidate, operation: "create", errno: errno)
            }
        }
        buffer.reserveCapacity(Self.flushThreshold * 2)
    }

    deinit {
        if descriptor >= 0 { abandon() }
    }

    func write(_ bytes: [UInt8]) throws(ParquetError) {
        buffer += bytes
        offset += Int64(bytes.count)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    private func flush() throws(ParquetError) {
        var failure: Int32 = 0
        buffer.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let result = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += result
            }
        }
        if failure != 0 { throw .io(path: temporaryPath, operation: "write", errno: failure) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Makes the file durable and moves it over `path`.
    func commit() throws(ParquetError) {
        try flush()
        if fsync(descriptor) != 0 { throw .io(path: temporaryPath, operation: "fsync", errno: errno) }
        let fd = descriptor
        descriptor = -1
        if close(fd) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw .io(path: temporaryPath, operation: "close", errno: code)
        }
        if rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw .io(path: path, operation: "rename", errno: code)
        }
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let directoryDescriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            defer { close(directoryDescriptor) }
            if fsync(directoryDescriptor) != 0 { throw .io(path: directory, operation: "fsync", errno: errno) }
        }
    }

    /// Closes and removes the temporary file; the target is left as it was.
    func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#else
    private let systemWrite = Darwin.write
#endif
