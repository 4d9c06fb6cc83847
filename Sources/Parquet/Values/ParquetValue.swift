/// A value read from or written to a Parquet column, after logical-type interpretation.
///
/// Rows are ``ParquetRecord`` values: ordered field names with one value each. Nested Parquet data maps onto
/// ``list(_:)``, ``map(_:)`` and ``record(_:)``.
///
/// Scalars are stored inline (no heap box per value: reading and writing millions of values would otherwise
/// allocate once per value); nesting needs no boxing because lists, maps and records hold their elements in arrays.
public enum ParquetValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// Every signed integer type, and unsigned ones that fit in `Int64`.
    case int(Int64)
    /// `UINT_64` values (all of them, so that a column has one case).
    case uint(UInt64)
    /// FLOAT, and FLOAT16 widened to `Float`.
    case float(Float)
    case double(Double)
    /// STRING, ENUM and JSON byte arrays, decoded as UTF-8.
    case string(String)
    /// Byte arrays and fixed-length byte arrays with no string annotation (UUID included).
    case bytes([UInt8])
    /// DATE: days since 1970-01-01.
    case date(Int32)
    /// TIMESTAMP (and INT96, as nanoseconds): a count of `unit` since the Unix epoch.
    case timestamp(Int64, unit: ParquetTimeUnit, isAdjustedToUTC: Bool)
    /// TIME: a count of `unit` since midnight.
    case time(Int64, unit: ParquetTimeUnit, isAdjustedToUTC: Bool)
    /// DECIMAL: an unscaled two's-complement big-endian integer and its scale.
    indirect case decimal(ParquetDecimal)
    case list([ParquetValue])
    case map([ParquetMapEntry])
    case record(ParquetRecord)
}

/// The unit of a TIMESTAMP or TIME value.
public enum ParquetTimeUnit: String, Sendable, Hashable {
    case millis, micros, nanos
}

/// A DECIMAL value: `unscaled × 10^(-scale)`.
public struct ParquetDecimal: Sendable, Hashable {
    /// The unscaled value, two's complement, big-endian, as stored.
    public var unscaledBigEndian: [UInt8]
    public var precision: Int
    public var scale: Int

    public init(unscaledBigEndian: [UInt8], precision: Int, scale: Int) {
        self.unscaledBigEndian = unscaledBigEndian
        self.precision = precision
        self.scale = scale
    }
}

/// One key/value pair of a MAP value.
public struct ParquetMapEntry: Sendable, Hashable {
    public var key: ParquetValue
    public var value: ParquetValue

    public init(key: ParquetValue, value: ParquetValue) {
        self.key = key
        self.value = value
    }
}

/// An ordered list of named fields: a row, or a struct value.
public struct ParquetRecord: Sendable, Hashable {
    public var names: [String]
    public var values: [ParquetValue]

    public init(names: [String] = [], values: [ParquetValue] = []) {
        precondition(names.count == values.count, "a record needs one value per field name")
        self.names = names
        self.values = values
    }

    /// The value of the field `name`, or `nil` when the record has no such field.
    public subscript(name: String) -> ParquetValue? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return values[index]
    }
}
