/// Every error the Parquet module throws.
///
/// Cases carry the context needed to find the problem (the file, the column, the byte offset); `description` reads
/// well at a command line.
public indirect enum ParquetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call on a file failed.
    case io(path: String, operation: String, errno: Int32)
    /// The bytes are not a Parquet file (bad magic, too short, footer out of range).
    case notParquet(reason: String)
    /// The file uses Parquet modular encryption (`PARE` magic or encrypted columns), which is not supported.
    case encrypted(reason: String)
    /// Thrift compact-protocol bytes could not be decoded.
    case malformedThrift(structure: String, offset: Int, reason: String)
    /// The footer decodes but its content is inconsistent or incomplete.
    case malformedMetadata(field: String, reason: String)
    /// A column chunk uses a compression codec this library does not implement.
    case unsupportedCodec(codec: String, column: String)
    /// A page uses an encoding this library does not implement, or one that does not fit the column type.
    case unsupportedEncoding(encoding: String, column: String)
    /// A page's content is inconsistent with its header or the column's schema; `offset` is the file offset of the
    /// page's data (after its header).
    case corruptPage(column: String, offset: Int, reason: String)
    /// A column's repetition and definition levels do not describe the row group's rows.
    case inconsistentLevels(column: String, reason: String)
    /// A codec failed to compress or decompress a buffer.
    case compression(codec: String, reason: String)
    /// A requested column does not exist in the file's schema.
    case unknownColumn(name: String)
    /// A row group index is out of range.
    case rowGroupOutOfRange(index: Int, count: Int)
    /// Rows that do not fit the writer's schema, or a schema the writer cannot express (`path` is the dotted field).
    case schema(path: String, reason: String)
    /// Any of the errors above, in the file at `path`.
    case inFile(path: String, ParquetError)

    public var description: String {
        switch self {
        case .io(let path, let operation, let errno):
            return "\(operation) failed for \(path): \(String(cString: strerror(errno))) (errno \(errno))"
        case .notParquet(let reason):
            return "not a Parquet file: \(reason)"
        case .encrypted(let reason):
            return "encrypted Parquet files are not supported: \(reason)"
        case .malformedThrift(let structure, let offset, let reason):
            return "malformed Thrift metadata in \(structure) at byte \(offset): \(reason)"
        case .malformedMetadata(let field, let reason):
            return "malformed Parquet metadata (\(field)): \(reason)"
        case .unsupportedCodec(let codec, let column):
            return
                "unsupported codec \(codec) in column '\(column)'; supported: UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW"
        case .unsupportedEncoding(let encoding, let column):
            return "unsupported encoding \(encoding) in column '\(column)'"
        case .corruptPage(let column, let offset, let reason):
            return "corrupt page in column '\(column)' (page data at file offset \(offset)): \(reason)"
        case .inconsistentLevels(let column, let reason):
            return "inconsistent levels in column '\(column)': \(reason)"
        case .compression(let codec, let reason):
            return "\(codec) codec error: \(reason)"
        case .unknownColumn(let name):
            return "no column named '\(name)' in the file's schema"
        case .rowGroupOutOfRange(let index, let count):
            return "row group \(index) does not exist (the file has \(count))"
        case .schema(let path, let reason):
            return "field '\(path)': \(reason)"
        case .inFile(let path, let error):
            return "\(path): \(error.description)"
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
