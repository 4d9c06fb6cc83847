import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The file operations the cache's durability rests on.
enum DurableFiles {
    /// Writes `bytes` to `url` atomically and durably: a temporary file in the same directory, `fsync`, `rename`,
    /// `fsync` of the directory. A crash at any point leaves either the old file or the new one, never a mix.
    static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/.tmp-\(UUID().uuidString)-" + url.lastPathComponent
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CacheError.writeFailed(path: url.path, reason: String(cString: strerror(errno))) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                throw CacheError.writeFailed(path: url.path, reason: reason)
            }
            offset += written
        }
        let synced = fsync(fd)
        close(fd)
        guard synced == 0, rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CacheError.writeFailed(path: url.path, reason: reason)
        }
        syncDirectory(directory)
    }

    /// `fsync` of a directory, making renames and new entries in it durable.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Flushes everything written to the file system holding `path` with one `syncfs` call (falls back to a
    /// `sync`). This is the group commit: one flush for every batch file written since the last one.
    static func syncFileSystem(containing path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        typealias SyncFS = @convention(c) (Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") {
            _ = unsafeBitCast(symbol, to: SyncFS.self)(fd)
        } else {
            sync()
        }
    }

    /// Appends `bytes` to `url` and `fsync`s it. A crash mid-append can leave a torn last line, which readers
    /// of journals ignore.
    static func appendDurably(_ bytes: [UInt8], to url: URL) throws {
        let existed = FileManager.default.fileExists(atPath: url.path)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CacheError.writeFailed(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard written >= 0 else {
                throw CacheError.writeFailed(path: url.path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        guard fsync(fd) == 0 else {
            throw CacheError.writeFailed(path: url.path, reason: String(cString: strerror(errno)))
        }
        if !existed { syncDirectory(url.deletingLastPathComponent().path) }
    }
}
