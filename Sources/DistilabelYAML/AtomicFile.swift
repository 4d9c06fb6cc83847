import Foundation

/// Writes a file so that a crash leaves either the old content or the new one, never a torn or empty file: the
/// bytes go to a temporary file beside the target, which is `fsync`ed and renamed over it, then the directory is
/// `fsync`ed so the rename itself is durable.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/.\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw error("cannot create \(temporary)") }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else {
                close(descriptor)
                unlink(temporary)
                throw error("cannot write \(temporary)")
            }
            written += result
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced, rename(temporary, url.path) == 0 else {
            unlink(temporary)
            throw error("cannot replace \(url.path)")
        }
        let directoryDescriptor = open(directory, O_RDONLY)
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
