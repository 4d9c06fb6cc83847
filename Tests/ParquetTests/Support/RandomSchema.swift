import Parquet

/// Random nested schemas and rows that fit them, from a seed, for the property-based round trips.
enum RandomSchema {
    static func fields(_ rng: inout SplitMix64) -> [ParquetField] {
        (0..<Int.random(in: 1...6, using: &rng)).map { index in
            ParquetField("c\(index)", type(depth: 0, &rng), isNullable: Bool.random(using: &rng))
        }
    }

    static func type(depth: Int, _ rng: inout SplitMix64) -> ParquetFieldType {
        let primitives: [ParquetFieldType] = [
            .null, .bool, .int32, .int64, .uint64, .float, .double, .string, .binary, .date,
            .timestamp(.micros, isAdjustedToUTC: true), .timestamp(.nanos, isAdjustedToUTC: false),
            .time(.millis, isAdjustedToUTC: false), .time(.micros, isAdjustedToUTC: false),
        ]
        let choice = depth >= 3 ? 0 : Int.random(in: 0..<8, using: &rng)
        switch choice {
        case 5:
            return .list(ParquetField("element", type(depth: depth + 1, &rng), isNullable: Bool.random(using: &rng)))
        case 6:
            let key: ParquetFieldType = Bool.random(using: &rng) ? .string : .int64
            return .map(
                key: key,
                value: ParquetField("value", type(depth: depth + 1, &rng), isNullable: Bool.random(using: &rng)))
        case 7:
            return .record(
                (0..<Int.random(in: 1...3, using: &rng)).map { index in
                    ParquetField("f\(index)", type(depth: depth + 1, &rng), isNullable: Bool.random(using: &rng))
                })
        default:
            return primitives.randomElement(using: &rng)!
        }
    }

    static func row(_ fields: [ParquetField], _ rng: inout SplitMix64) -> ParquetRecord {
        ParquetRecord(names: fields.map(\.name), values: fields.map { value(for: $0, &rng) })
    }

    static func value(for field: ParquetField, _ rng: inout SplitMix64) -> ParquetValue {
        if case .null = field.type { return .null }
        if field.isNullable && Int.random(in: 0..<5, using: &rng) == 0 { return .null }
        return value(of: field.type, &rng)
    }

    static func value(of type: ParquetFieldType, _ rng: inout SplitMix64) -> ParquetValue {
        let small = Int.random(in: 0..<4, using: &rng) == 0
        switch type {
        case .null: return .null
        case .bool: return .bool(Bool.random(using: &rng))
        case .int32:
            return .int(
                small ? Int64.random(in: -3...3, using: &rng) : Int64(Int32.random(in: .min ... .max, using: &rng)))
        case .int64:
            return .int(small ? Int64.random(in: 0...5, using: &rng) : Int64.random(in: .min ... .max, using: &rng))
        case .uint64: return .uint(small ? 7 : UInt64.random(in: .min ... .max, using: &rng))
        case .float: return .float(small ? -0.5 : Float(Int.random(in: -1000...1000, using: &rng)) / 8)
        case .double: return .double(small ? 0 : Double.random(in: -1e9...1e9, using: &rng))
        case .string:
            let words = ["", "a", "héllo", "日本", "🎉", "distilabel", String(repeating: "x", count: 300)]
            return .string(
                (0..<Int.random(in: 0...3, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(
                    separator: " "))
        case .binary:
            return .bytes((0..<Int.random(in: 0...12, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        case .date: return .date(Int32.random(in: -100_000...100_000, using: &rng))
        case .timestamp(let unit, let utc):
            return .timestamp(Int64.random(in: -1 << 50...1 << 50, using: &rng), unit: unit, isAdjustedToUTC: utc)
        case .time(let unit, let utc):
            let limit: Int64 = unit == .millis ? 86_399_999 : 86_399_999_999
            return .time(Int64.random(in: 0...limit, using: &rng), unit: unit, isAdjustedToUTC: utc)
        case .decimal: return .null
        case .list(let element):
            return .list((0..<Int.random(in: 0...4, using: &rng)).map { _ in value(for: element, &rng) })
        case .map(let key, let valueField):
            var keys = Set<ParquetValue>()
            var entries: [ParquetMapEntry] = []
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                let k = value(of: key, &rng)
                if keys.insert(k).inserted {
                    entries.append(ParquetMapEntry(key: k, value: value(for: valueField, &rng)))
                }
            }
            return .map(entries)
        case .record(let fields): return .record(row(fields, &rng))
        }
    }
}
