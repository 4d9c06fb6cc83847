/// Turns physical values of one leaf column into ``ParquetValue``s according to its logical type (or, when the
/// writer stored none, its legacy ConvertedType).
struct ValueConverter: Sendable {
    enum Kind: Sendable, Equatable {
        case bool, int, unsigned, uint64, float, double, float16, string, bytes, null, date
        case timestamp(ParquetTimeUnit, utc: Bool)
        case time(ParquetTimeUnit, utc: Bool)
        case decimal(precision: Int, scale: Int)
    }

    let kind: Kind

    init(leaf: ParquetSchemaNode) {
        kind = Self.kind(of: leaf)
    }

    private static func kind(of leaf: ParquetSchemaNode) -> Kind {
        let physical = leaf.physicalType ?? .byteArray
        if let logical = leaf.logicalType {
            switch logical {
            case .string, .enumeration, .json: if physical == .byteArray { return .string }
            case .decimal(let scale, let precision): return .decimal(precision: Int(precision), scale: Int(scale))
            case .date: if physical == .int32 { return .date }
            case .time(let utc, let unit): return .time(unit, utc: utc)
            case .timestamp(let utc, let unit): return .timestamp(unit, utc: utc)
            case .integer(let bitWidth, let isSigned):
                if !isSigned { return bitWidth == 64 ? .uint64 : .unsigned }
            case .unknown: return .null
            case .float16: if physical == .fixedLenByteArray && leaf.typeLength == 2 { return .float16 }
            default: break
            }
        } else if let converted = leaf.convertedType {
            switch converted {
            case .utf8, .enumeration, .json: if physical == .byteArray { return .string }
            case .decimal: return .decimal(precision: leaf.precision ?? 0, scale: leaf.scale ?? 0)
            case .date: if physical == .int32 { return .date }
            case .timeMillis: return .time(.millis, utc: true)
            case .timeMicros: return .time(.micros, utc: true)
            case .timestampMillis: return .timestamp(.millis, utc: true)
            case .timestampMicros: return .timestamp(.micros, utc: true)
            case .uint8, .uint16, .uint32: return .unsigned
            case .uint64: return .uint64
            default: break
            }
        }
        switch physical {
        case .boolean: return .bool
        case .int32, .int64: return .int
        case .int96: return .timestamp(.nanos, utc: false)
        case .float: return .float
        case .double: return .double
        default: return .bytes
        }
    }

    func bool(_ value: Bool) -> ParquetValue {
        kind == .null ? .null : .bool(value)
    }

    func int32(_ value: Int32) -> ParquetValue {
        switch kind {
        case .unsigned, .uint64: return .int(Int64(UInt32(bitPattern: value)))
        case .date: return .date(value)
        case .time(let unit, let utc): return .time(Int64(value), unit: unit, isAdjustedToUTC: utc)
        case .timestamp(let unit, let utc): return .timestamp(Int64(value), unit: unit, isAdjustedToUTC: utc)
        case .decimal(let precision, let scale):
            return .decimal(ParquetDecimal(unscaledBigEndian: value.bigEndianBytes, precision: precision, scale: scale))
        case .null: return .null
        default: return .int(Int64(value))
        }
    }

    func int64(_ value: Int64) -> ParquetValue {
        switch kind {
        case .uint64: return .uint(UInt64(bitPattern: value))
        case .time(let unit, let utc): return .time(value, unit: unit, isAdjustedToUTC: utc)
        case .timestamp(let unit, let utc): return .timestamp(value, unit: unit, isAdjustedToUTC: utc)
        case .decimal(let precision, let scale):
            return .decimal(ParquetDecimal(unscaledBigEndian: value.bigEndianBytes, precision: precision, scale: scale))
        case .null: return .null
        default: return .int(value)
        }
    }

    /// An INT96 timestamp: nanoseconds of the day (little-endian) then the Julian day. Instants outside the
    /// nanosecond range of `Int64` (years before 1677 or after 2262) are returned in microseconds, exactly.
    func int96(nanosOfDay: UInt64, julianDay: UInt32) -> ParquetValue {
        if kind == .null { return .null }
        let days = Int64(Int32(bitPattern: julianDay)) - 2_440_588
        let nanosInDay = Int64(bitPattern: nanosOfDay)
        let (dayNanos, overflow) = days.multipliedReportingOverflow(by: 86_400_000_000_000)
        let (nanos, carry) = dayNanos.addingReportingOverflow(nanosInDay)
        if !overflow && !carry { return .timestamp(nanos, unit: .nanos, isAdjustedToUTC: false) }
        let micros = days &* 86_400_000_000 &+ nanosInDay / 1000
        return .timestamp(micros, unit: .micros, isAdjustedToUTC: false)
    }

    func float(_ value: Float) -> ParquetValue {
        kind == .null ? .null : .float(value)
    }

    func double(_ value: Double) -> ParquetValue {
        kind == .null ? .null : .double(value)
    }

    func bytes(_ value: ArraySlice<UInt8>) -> ParquetValue {
        switch kind {
        case .string: return .string(String(decoding: value, as: UTF8.self))
        case .decimal(let precision, let scale):
            return .decimal(ParquetDecimal(unscaledBigEndian: Array(value), precision: precision, scale: scale))
        case .float16:
            guard value.count == 2 else { return .bytes(Array(value)) }
            let bits = UInt16(value[value.startIndex]) | UInt16(value[value.startIndex + 1]) << 8
            return .float(Self.halfToFloat(bits))
        case .null: return .null
        default: return .bytes(Array(value))
        }
    }

    /// IEEE 754 binary16 to binary32.
    static func halfToFloat(_ bits: UInt16) -> Float {
        let sign: UInt32 = UInt32(bits >> 15) << 31
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = UInt32(bits & 0x3FF)
        if exponent == 0 {
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign == 0 ? magnitude : -magnitude
        }
        if exponent == 31 {
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        }
        return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | (mantissa << 13))
    }
}

extension FixedWidthInteger {
    /// The two's-complement big-endian bytes of the value.
    var bigEndianBytes: [UInt8] {
        (0..<(Self.bitWidth / 8)).reversed().map { UInt8(truncatingIfNeeded: self >> ($0 * 8)) }
    }
}
