public import DistilabelCore
public import Parquet

/// Converts rows between the engine's `Value` and Parquet's `ParquetValue` (for the cache's files and the
/// Distiset's).
///
/// Reading widens: floats to double, unsigned to int (or double past `Int64.max`), dates, times and timestamps to
/// their integer counts, bytes to lists of ints, decimals to strings, maps to lists of `{key, value}` structs.
public enum ValueConversion {
    public static func record(_ row: Row) -> ParquetRecord {
        ParquetRecord(names: row.columns, values: row.values.map(parquetValue))
    }

    public static func parquetValue(_ value: Value) -> ParquetValue {
        switch value {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .int(int)
        case .double(let double): return .double(double)
        case .string(let string): return .string(string)
        case .list(let list): return .list(list.map(parquetValue))
        case .struct(let row): return .record(record(row))
        }
    }

    public static func row(_ record: ParquetRecord) -> Row {
        Row(columns: record.names, values: record.values.map(value))
    }

    /// Parquet values as engine values: floats widen to double, dates and times become their ISO-like counts,
    /// bytes become base64-free arrays of ints, maps become lists of `{key, value}` structs.
    public static func value(_ parquet: ParquetValue) -> Value {
        switch parquet {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .int(int)
        case .uint(let uint): return uint <= UInt64(Int64.max) ? .int(Int64(uint)) : .double(Double(uint))
        case .float(let float): return .double(Double(float))
        case .double(let double): return .double(double)
        case .string(let string): return .string(string)
        case .bytes(let bytes): return .list(bytes.map { .int(Int64($0)) })
        case .date(let days): return .int(Int64(days))
        case .timestamp(let count, _, _), .time(let count, _, _): return .int(count)
        case .decimal(let decimal): return .string(decimalString(decimal))
        case .list(let list): return .list(list.map(value))
        case .map(let entries):
            return .list(entries.map { .struct(["key": value($0.key), "value": value($0.value)]) })
        case .record(let record): return .struct(row(record))
        }
    }

    private static func decimalString(_ decimal: ParquetDecimal) -> String {
        var unscaled: Int64 = decimal.unscaledBigEndian.first.map { $0 & 0x80 != 0 ? -1 : 0 } ?? 0
        for byte in decimal.unscaledBigEndian.suffix(8) { unscaled = unscaled << 8 | Int64(byte) }
        guard decimal.scale > 0 else { return String(unscaled) }
        // Negative values below keep their sign in front of the padded digits.
        let digits = String(unscaled.magnitude)
        let padded = String(repeating: "0", count: max(0, decimal.scale + 1 - digits.count)) + digits
        let point = padded.index(padded.endIndex, offsetBy: -decimal.scale)
        return (unscaled < 0 ? "-" : "") + padded[..<point] + "." + padded[point...]
    }
}
