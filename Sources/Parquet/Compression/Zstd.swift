#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ZSTD pages through the system's zstd library, loaded at run time so that no development headers are needed.
enum Zstd {
    /// The compression level: zstd's own default.
    private static let level: Int32 = 3

    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        let library = try ZstdLibrary.load()
        let capacity = library.compressBound(input.count)
        var status = 0
        let output = [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { destination, count in
            status = input.withUnsafeBytes { source in
                library.compress(destination.baseAddress, capacity, source.baseAddress, source.count, level)
            }
            count = library.isError(status) != 0 ? 0 : status
        }
        if library.isError(status) != 0 {
            throw ParquetError.compression(
                codec: ParquetCompression.zstd.rawValue, reason: library.errorName(status))
        }
        return output
    }

    static func decompress(_ input: ArraySlice<UInt8>, uncompressedSize: Int) throws -> [UInt8] {
        let library = try ZstdLibrary.load()
        let contentSize = input.withUnsafeBytes { library.frameContentSize($0.baseAddress, $0.count) }
        // 0xFF…FF means "unknown" and 0xFF…FE "error"; ZSTD_decompress reports the latter itself.
        if contentSize < UInt64.max - 1, contentSize != UInt64(uncompressedSize) {
            throw ParquetError.compression(
                codec: ParquetCompression.zstd.rawValue,
                reason: "the frame holds \(contentSize) bytes but the page declares \(uncompressedSize)"
            )
        }
        var status = 0
        let output = [UInt8](unsafeUninitializedCapacity: max(uncompressedSize, 1)) { destination, count in
            status = input.withUnsafeBytes { source in
                library.decompress(destination.baseAddress, uncompressedSize, source.baseAddress, source.count)
            }
            count = library.isError(status) != 0 ? 0 : min(status, uncompressedSize)
        }
        if library.isError(status) != 0 {
            throw ParquetError.compression(
                codec: ParquetCompression.zstd.rawValue, reason: library.errorName(status))
        }
        guard status == uncompressedSize else {
            throw ParquetError.compression(
                codec: ParquetCompression.zstd.rawValue,
                reason: "the frame ends after \(status) of \(uncompressedSize) bytes")
        }
        return output
    }
}

/// The few functions of `libzstd.so.1` that Parquet needs, resolved with `dlopen`/`dlsym` once per process.
struct ZstdLibrary: Sendable {
    typealias Compress =
        @convention(c) (
            UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int, Int32
        ) -> Int
    typealias Decompress = @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int) -> Int
    typealias IsError = @convention(c) (Int) -> UInt32
    typealias ErrorName = @convention(c) (Int) -> UnsafePointer<CChar>?
    typealias CompressBound = @convention(c) (Int) -> Int
    typealias FrameContentSize = @convention(c) (UnsafeRawPointer?, Int) -> UInt64

    let compress: Compress
    let decompress: Decompress
    let isError: IsError
    let getErrorName: ErrorName
    let compressBound: CompressBound
    let frameContentSize: FrameContentSize

    func errorName(_ code: Int) -> String {
        getErrorName(code).map { String(cString: $0) } ?? "zstd error \(code)"
    }

    /// Loaded once per process (Swift runs a static's initialiser exactly once).
    private static let shared: Swift.Result<ZstdLibrary, ParquetError> = open()

    static func load() throws -> ZstdLibrary {
        try shared.get()
    }

    private static func open() -> Swift.Result<ZstdLibrary, ParquetError> {
        var handle: UnsafeMutableRawPointer?
        for name in ["libzstd.so.1", "libzstd.so", "libzstd.1.dylib", "libzstd.dylib"] {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        guard let handle else {
            let detail = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(
                ParquetError.compression(
                    codec: ParquetCompression.zstd.rawValue,
                    reason: "the zstd library (libzstd.so.1) could not be loaded: \(detail); install zstd's runtime"
                ))
        }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let pointer = dlsym(handle, name) else { return nil }
            return unsafeBitCast(pointer, to: type)
        }
        guard let compress = symbol("ZSTD_compress", as: Compress.self),
            let decompress = symbol("ZSTD_decompress", as: Decompress.self),
            let isError = symbol("ZSTD_isError", as: IsError.self),
            let errorName = symbol("ZSTD_getErrorName", as: ErrorName.self),
            let compressBound = symbol("ZSTD_compressBound", as: CompressBound.self),
            let frameContentSize = symbol("ZSTD_getFrameContentSize", as: FrameContentSize.self)
        else {
            return .failure(
                ParquetError.compression(
                    codec: ParquetCompression.zstd.rawValue, reason: "libzstd.so.1 lacks the ZSTD_* functions it needs")
            )
        }
        return .success(
            ZstdLibrary(
                compress: compress, decompress: decompress, isError: isError, getErrorName: errorName,
                compressBound: compressBound, frameContentSize: frameContentSize))
    }
}
