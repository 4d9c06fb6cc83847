#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A GGUF file mapped into memory: its header, metadata, tensor directory and tensor data.
///
/// The file is mapped read-only with `mmap`, so opening a 100 MB model reads only the header; tensor bytes are
/// paged in when first used. The mapping lives as long as this object.
///
/// ```swift
/// let file = try GGUFFile(path: "SmolLM2-135M-Instruct.Q4_1.gguf")
/// let layers = try file.metadata.int("llama.block_count")
/// let embedding = try file.tensor(named: "token_embd.weight")
/// ```
// Sendable without a lock: every stored property is set in `init` and never changes, and the mapped memory is
// read-only (PROT_READ), so concurrent readers cannot race.
public final class GGUFFile: @unchecked Sendable {
    /// The magic bytes that open every GGUF file.
    public static let magic: [UInt8] = Array("GGUF".utf8)
    /// The alignment used when `general.alignment` is absent.
    public static let defaultAlignment = 32

    /// The path the file was opened from.
    public let path: String
    /// The GGUF format version (3).
    public let version: UInt32
    /// The key-value metadata.
    public let metadata: GGUFMetadata
    /// Every tensor, in file order.
    public let tensors: [GGUFTensorInfo]
    /// The alignment of tensor data (`general.alignment`, or 32).
    public let alignment: Int
    /// The byte offset of the tensor data section from the start of the file.
    public let dataOffset: Int
    /// The size of the file in bytes.
    public let fileSize: Int

    private let base: UnsafeRawPointer
    private let tensorIndex: [String: Int]

    /// Maps the file at `path` and reads its header, metadata and tensor directory.
    public init(path: String) throws(GGUFError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            if errno == ENOENT {
                throw .modelNotFound(path: path)
            }
            throw .cannotOpen(path: path, errno: errno, operation: "open")
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .cannotOpen(path: path, errno: errno, operation: "stat") }
        let size = Int(status.st_size)
        guard size >= 24 else { throw .truncated(path: path, field: "header", offset: 0) }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw .cannotOpen(path: path, errno: errno, operation: "mmap")
        }
        let base = UnsafeRawPointer(mapped)
        do {
            let parsed = try Self.parse(UnsafeRawBufferPointer(start: base, count: size), path: path)
            self.base = base
            self.fileSize = size
            self.version = parsed.version
            self.metadata = parsed.metadata
            self.tensors = parsed.tensors
            self.alignment = parsed.alignment
            self.dataOffset = parsed.dataOffset
            self.tensorIndex = Dictionary(
                parsed.tensors.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
        } catch {
            munmap(mapped, size)
            throw error
        }
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), fileSize)
    }

    /// The tensor called `name`, or nil when the file has none.
    public func tensorInfo(named name: String) -> GGUFTensorInfo? {
        tensorIndex[name].map { tensors[$0] }
    }

    /// The tensor called `name`; throws ``GGUFError/missingTensor(name:)`` when absent.
    public func tensor(named name: String) throws(GGUFError) -> GGUFTensorInfo {
        guard let info = tensorInfo(named: name) else { throw .missingTensor(name: name) }
        return info
    }

    /// The raw bytes of a tensor, valid while this file object is alive.
    ///
    /// Throws ``GGUFError/unsupportedTensorType(tensor:type:)`` for a type whose size this runtime cannot compute.
    public func bytes(of tensor: GGUFTensorInfo) throws(GGUFError) -> UnsafeRawBufferPointer {
        guard let count = tensor.byteCount else {
            throw .unsupportedTensorType(tensor: tensor.name, type: tensor.type.description)
        }
        return UnsafeRawBufferPointer(start: base + dataOffset + tensor.offset, count: count)
    }
}
