import Foundation

@testable import Parquet

/// JSON as the interop scripts print it (see `read_with_libraries.py`), with every number a `Double`, for value-by-value comparison.
indirect enum InteropJSON: Equatable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([InteropJSON])
    case object([String: InteropJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([InteropJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: InteropJSON].self))
        }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "\(value)"
        case .number(let value): return "\(value)"
        case .string(let value): return "\"\(value)\""
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
                + "}"
        }
    }

    subscript(key: String) -> InteropJSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// How the interop scripts normalise `value`: timestamps in microseconds, dates in days, maps as pairs.
    init(normalising value: ParquetValue) {
        switch value {
        case .null: self = .null
        case .bool(let v): self = .bool(v)
        case .int(let v): self = .number(Double(v))
        case .uint(let v): self = .number(Double(v))
        case .float(let v): self = v.isNaN ? .string("NaN") : .number(Double(v))
        case .double(let v): self = v.isNaN ? .string("NaN") : .number(v)
        case .string(let v): self = .string(v)
        case .bytes(let v): self = .object(["base64": .string(Foundation.Data(v).base64EncodedString())])
        case .date(let v): self = .number(Double(v))
        case .timestamp(let v, let unit, _):
            switch unit {
            case .millis: self = .number(Double(v * 1000))
            case .micros: self = .number(Double(v))
            case .nanos: self = .number(Double(v / 1000))
            }
        case .time(let v, _, _): self = .number(Double(v))
        case .decimal: self = .string("decimal")
        case .list(let items): self = .array(items.map(InteropJSON.init(normalising:)))
        case .map(let entries):
            self = .array(
                entries.map { .array([InteropJSON(normalising: $0.key), InteropJSON(normalising: $0.value)]) })
        case .record(let record):
            self = .object(
                Dictionary(
                    zip(record.names, record.values.map(InteropJSON.init(normalising:))),
                    uniquingKeysWith: { a, _ in a })
            )
        }
    }
}
