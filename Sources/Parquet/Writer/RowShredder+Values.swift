extension Shredding {
    /// Converts a non-null value to the leaf's physical type and appends it.
    func append(_ value: ParquetValue, to index: Int, kind: LeafKind, node: ShredNode) throws(ParquetError) {
        columns[index].valueCount += 1
        switch (kind, value) {
        case (.bool, .bool(let v)): columns[index].booleans.append(v)
        case (.int32, .int(let v)):
            guard let narrow = Int32(exactly: v) else { throw outOfRange(node.path, value) }
            columns[index].int32s.append(narrow)
        case (.int64, .int(let v)): columns[index].int64s.append(v)
        case (.int64, .uint(let v)):
            guard let narrow = Int64(exactly: v) else { throw outOfRange(node.path, value) }
            columns[index].int64s.append(narrow)
        case (.uint64, .uint(let v)): columns[index].int64s.append(Int64(bitPattern: v))
        case (.uint64, .int(let v)):
            guard v >= 0 else { throw outOfRange(node.path, value) }
            columns[index].int64s.append(v)
        case (.float, .float(let v)): columns[index].floats.append(v)
        case (.float, .double(let v)): columns[index].floats.append(Float(v))
        case (.float, .int(let v)): columns[index].floats.append(Float(v))
        case (.double, .double(let v)): columns[index].doubles.append(v)
        case (.double, .float(let v)): columns[index].doubles.append(Double(v))
        case (.double, .int(let v)): columns[index].doubles.append(Double(v))
        case (.double, .uint(let v)): columns[index].doubles.append(Double(v))
        case (.string, .string(let v)):
            columns[index].appendUTF8(v)
        case (.binary, .bytes(let v)):
            columns[index].bytes.append(contentsOf: v)
            columns[index].offsets.append(columns[index].bytes.count)
        case (.binary, .string(let v)):
            columns[index].appendUTF8(v)
        case (.decimal(let scale), .decimal(let v)) where v.scale == scale:
            columns[index].bytes.append(contentsOf: v.unscaledBigEndian)
            columns[index].offsets.append(columns[index].bytes.count)
        case (.date, .date(let v)): columns[index].int32s.append(v)
        case (.timestamp(let unit), .timestamp(let v, let from, _)):
            columns[index].int64s.append(try Self.convert(v, from: from, to: unit, path: node.path))
        case (.timestamp, .int(let v)): columns[index].int64s.append(v)
        case (.time(let unit), .time(let v, let from, _)):
            let converted = try Self.convert(v, from: from, to: unit, path: node.path)
            if unit == .millis {
                guard let narrow = Int32(exactly: converted) else { throw outOfRange(node.path, value) }
                columns[index].int32s.append(narrow)
            } else {
                columns[index].int64s.append(converted)
            }
        default:
            columns[index].valueCount -= 1
            throw .schema(
                path: node.path,
                reason: "the schema says \(leaves[index].type) but a row holds \(value.kindName)")
        }
    }

    private func outOfRange(_ path: String, _ value: ParquetValue) -> ParquetError {
        .schema(path: path, reason: "\(value) does not fit the column's type")
    }

    private static func convert(
        _ value: Int64, from: ParquetTimeUnit, to: ParquetTimeUnit, path: String
    )
        throws(ParquetError) -> Int64
    {
        func scale(_ unit: ParquetTimeUnit) -> Int64 {
            switch unit {
            case .millis: return 1_000
            case .micros: return 1_000_000
            case .nanos: return 1_000_000_000
            }
        }
        let (source, target) = (scale(from), scale(to))
        if source == target { return value }
        if target > source {
            let (result, overflow) = value.multipliedReportingOverflow(by: target / source)
            guard !overflow else { throw .schema(path: path, reason: "timestamp \(value) overflows in \(to)") }
            return result
        }
        let factor = source / target
        guard value % factor == 0 else {
            throw .schema(path: path, reason: "timestamp \(value) \(from) would lose precision in \(to)")
        }
        return value / factor
    }
}

extension ParquetValue {
    /// A short name of the value's kind, for error messages.
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a bool"
        case .int: return "an int"
        case .uint: return "a uint"
        case .float: return "a float"
        case .double: return "a double"
        case .string: return "a string"
        case .bytes: return "bytes"
        case .date: return "a date"
        case .timestamp: return "a timestamp"
        case .time: return "a time"
        case .decimal: return "a decimal"
        case .list: return "a list"
        case .map: return "a map"
        case .record: return "a struct"
        }
    }
}
