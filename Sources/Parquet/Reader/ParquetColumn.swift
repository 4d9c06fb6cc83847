/// One leaf column of one row group, decoded into typed arrays of its physical type: the column-oriented way to
/// read, with no ``ParquetValue`` per value and no record assembly (as Arrow reads a column).
///
/// Entry `i` of the column has definition level `definitionLevels[i]` (the maximum when the array is empty) and
/// repetition level `repetitionLevels[i]` (0 when empty); entries whose definition level is
/// ``maxDefinitionLevel`` hold the next value of ``values``, the others are nulls or empty lists at some level.
///
/// ```swift
/// let reader = try ParquetFileReader(path: "data/train.parquet")
/// let scores = try reader.readColumn(rowGroup: 0, path: ["score"])
/// if case .double(let values) = scores.values { print(values.reduce(0, +) / Double(values.count)) }
/// ```
public struct ParquetColumn: Sendable, Equatable {
    /// The column's path in the schema, e.g. `["messages", "list", "element", "role"]`.
    public var path: [String]
    /// The physical type the values are stored in; logical types (strings, timestamps, decimals…) are left to the
    /// caller, as in ``ParquetFileReader/schema``.
    public var physicalType: PhysicalType
    public var maxDefinitionLevel: Int
    public var maxRepetitionLevel: Int
    /// One level per entry; empty when ``maxDefinitionLevel`` is 0.
    public var definitionLevels: [UInt8]
    /// One level per entry; empty when ``maxRepetitionLevel`` is 0.
    public var repetitionLevels: [UInt8]
    /// The number of entries (levels), nulls and empty lists included.
    public var entryCount: Int
    /// The non-null values, in order.
    public var values: ParquetColumnValues

    /// A column of `values` with the given levels; the entry count is the number of definition levels, or of
    /// values when the column has none (a required, non-repeated column). For ``ParquetFileWriter/write(columns:)``,
    /// start from ``ParquetFileWriter/emptyColumns(for:)`` to get each leaf's path, type and maximum levels.
    public init(
        path: [String], physicalType: PhysicalType, maxDefinitionLevel: Int, maxRepetitionLevel: Int,
        definitionLevels: [UInt8], repetitionLevels: [UInt8], values: ParquetColumnValues
    ) {
        self.init(
            path: path, physicalType: physicalType, maxDefinitionLevel: maxDefinitionLevel,
            maxRepetitionLevel: maxRepetitionLevel, definitionLevels: definitionLevels,
            repetitionLevels: repetitionLevels,
            entryCount: definitionLevels.isEmpty ? values.count : definitionLevels.count, values: values)
    }

    init(
        path: [String], physicalType: PhysicalType, maxDefinitionLevel: Int, maxRepetitionLevel: Int,
        definitionLevels: [UInt8], repetitionLevels: [UInt8], entryCount: Int, values: ParquetColumnValues
    ) {
        self.path = path
        self.physicalType = physicalType
        self.maxDefinitionLevel = maxDefinitionLevel
        self.maxRepetitionLevel = maxRepetitionLevel
        self.definitionLevels = definitionLevels
        self.repetitionLevels = repetitionLevels
        self.entryCount = entryCount
        self.values = values
    }
}

/// The non-null values of a ``ParquetColumn``, by physical type.
public enum ParquetColumnValues: Sendable, Equatable {
    case boolean([Bool])
    case int32([Int32])
    case int64([Int64])
    case float([Float])
    case double([Double])
    /// BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY and INT96 (12 bytes each) values, concatenated: value `i` is
    /// `bytes[offsets[i]..<offsets[i + 1]]`, and `offsets` has one element more than there are values.
    case byteArrays(bytes: [UInt8], offsets: [Int])

    /// The number of values.
    public var count: Int {
        switch self {
        case .boolean(let values): return values.count
        case .int32(let values): return values.count
        case .int64(let values): return values.count
        case .float(let values): return values.count
        case .double(let values): return values.count
        case .byteArrays(_, let offsets): return offsets.count - 1
        }
    }

    init(_ buffer: ColumnBuffer, physicalType: PhysicalType) {
        switch physicalType {
        case .boolean: self = .boolean(buffer.booleans)
        case .int32: self = .int32(buffer.int32s)
        case .int64: self = .int64(buffer.int64s)
        case .float: self = .float(buffer.floats)
        case .double: self = .double(buffer.doubles)
        default: self = .byteArrays(bytes: buffer.bytes, offsets: buffer.offsets)
        }
    }
}
