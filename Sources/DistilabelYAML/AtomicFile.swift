import Foundation

/// Writes a file so that a crash leaves either the old content or the new one, never a torn or empty file: the
/// bytes go to a temporary file beside the target, which is `fsync`ed and renamed over it, then the directory is
/// `fsync`ed so the rename itself is durable.
///
/// The bytes may come in pieces (``append(_:)``), so that a large file is never held in memory whole; nothing is
/// visible at the target until ``commit()``. A writer dropped without a commit removes its temporary file.
final class AtomicFile {
    let url: URL
    private let temporary: String
    private var descriptor: Int32
    /// The first failure, reported by ``commit()``.
    private var failure: (any Error)?

    init(url: URL) throws {
        self.url = url
        let directory = url.deletingLastPathComponent().path
        temporary = directory + "/.\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Self.error("cannot create \(temporary)") }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Writes the whole of `bytes` atomically to `url`.
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let file = try AtomicFile(url: url)
        file.append(bytes)
        try file.commit()
    }

    /// Appends bytes to the temporary file; a failure is kept and reported by ``commit()``.
    func append(_ bytes: [UInt8]) {
        guard failure == nil, descriptor >= 0 else { return }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else {
                failure = Self.error("cannot write \(temporary)")
                return
            }
            written += result
        }
    }

    /// Makes the file durable and puts it in place of the target.
    func commit() throws {
        let descriptor = self.descriptor
        self.descriptor = -1
        if let failure {
            close(descriptor)
            unlink(temporary)
            throw failure
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced, rename(temporary, url.path) == 0 else {
            unlink(temporary)
            throw Self.error("cannot replace \(url.path)")
        }
        let directoryDescriptor = open(url.deletingLastPathComponent().path, O_RDONLY)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func error(_ message: String) -> any Error {
        NSError(
            domain: "AtomicFile", code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "\(message): \(String(cString: strerror(errno)))"])
    }
}
