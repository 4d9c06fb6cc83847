extension LogicalType: CustomStringConvertible {
    /// The parquet.thrift name with parameters, such as `TIMESTAMP(MICROS, UTC)` or `DECIMAL(38, 10)`.
    public var description: String {
        switch self {
        case .string: return "STRING"
        case .map: return "MAP"
        case .list: return "LIST"
        case .enumeration: return "ENUM"
        case .decimal(let scale, let precision): return "DECIMAL(\(precision), \(scale))"
        case .date: return "DATE"
        case .time(let utc, let unit): return "TIME(\(unit.rawValue.uppercased())\(utc ? ", UTC" : ""))"
        case .timestamp(let utc, let unit): return "TIMESTAMP(\(unit.rawValue.uppercased())\(utc ? ", UTC" : ""))"
        case .integer(let bitWidth, let isSigned): return "INT(\(bitWidth), \(isSigned ? "signed" : "unsigned"))"
        case .unknown: return "UNKNOWN"
        case .json: return "JSON"
        case .bson: return "BSON"
        case .uuid: return "UUID"
        case .float16: return "FLOAT16"
        case .variant: return "VARIANT"
        case .geometry: return "GEOMETRY"
        case .geography: return "GEOGRAPHY"
        case .unrecognized(let id): return "LogicalType(\(id))"
        }
    }
}
