import Foundation
import Parquet

/// Compares values read by this library with pyarrow's `to_pylist()` rendered as JSON (see the fixtures' INDEX.md:
/// timestamps and dates ISO-8601, MAP as `[[key, value], ...]`, bytes as `{"base64": ...}`, DECIMAL as a string).
enum ExpectedValues {
    /// A description of the first difference, or `nil` when `value` matches `expected`.
    static func mismatch(_ value: ParquetValue, _ expected: JSONValue, at path: String) -> String? {
        func fail() -> String { "\(path): read \(value), expected \(expected)" }
        switch (value, expected) {
        case (.null, .null):
            return nil
        case (.bool(let read), .bool(let wanted)):
            return read == wanted ? nil : fail()
        case (.int(let read), .int(let wanted)):
            return read == wanted ? nil : fail()
        case (.int(let read), _):
            return expected.number == Double(read) ? nil : fail()
        case (.uint(let read), .uint(let wanted)):
            return read == wanted ? nil : fail()
        case (.uint(let read), .int(let wanted)):
            return wanted >= 0 && UInt64(wanted) == read ? nil : fail()
        case (.float(let read), _):
            return sameNumber(Double(read), expected.number) ? nil : fail()
        case (.double(let read), _):
            return sameNumber(read, expected.number) ? nil : fail()
        case (.string(let read), .string(let wanted)):
            return read == wanted ? nil : fail()
        case (.bytes(let read), .object(let object)):
            return object == ["base64": .string(Foundation.Data(read).base64EncodedString())] ? nil : fail()
        case (.date(let days), .string(let wanted)):
            return Render.date(Int64(days)) == wanted ? nil : fail()
        case (.timestamp(let count, let unit, let utc), .string(let wanted)):
            return Render.timestamp(count, unit: unit, utc: utc) == wanted ? nil : fail()
        case (.time(let count, let unit, _), .string(let wanted)):
            return Render.time(count, unit: unit) == wanted ? nil : fail()
        case (.decimal(let decimal), .string(let wanted)):
            return Render.decimal(decimal) == wanted ? nil : fail()
        case (.list(let elements), .array(let wanted)):
            guard elements.count == wanted.count else {
                return "\(path): \(elements.count) elements, expected \(wanted.count)"
            }
            for (index, element) in elements.enumerated() {
                if let problem = mismatch(element, wanted[index], at: "\(path)[\(index)]") { return problem }
            }
            return nil
        case (.map(let entries), .array(let wanted)):
            guard entries.count == wanted.count else {
                return "\(path): \(entries.count) entries, expected \(wanted.count)"
            }
            for (index, entry) in entries.enumerated() {
                let pair = ParquetValue.list([entry.key, entry.value])
                if let problem = mismatch(pair, wanted[index], at: "\(path){\(index)}") { return problem }
            }
            return nil
        case (.record(let record), .object(let wanted)):
            return mismatch(record, wanted, at: path)
        default:
            return fail()
        }
    }

    static func mismatch(_ record: ParquetRecord, _ expected: [String: JSONValue], at path: String) -> String? {
        guard Set(record.names) == Set(expected.keys), record.names.count == expected.count else {
            return "\(path): fields \(record.names), expected \(expected.keys.sorted())"
        }
        for (name, value) in zip(record.names, record.values) {
            if let problem = mismatch(value, expected[name]!, at: "\(path).\(name)") { return problem }
        }
        return nil
    }

    private static func sameNumber(_ read: Double, _ expected: Double?) -> Bool {
        guard let expected else { return false }
        return read.isNaN ? expected.isNaN : read == expected
    }
}
