/// The logical type annotation of a schema element (the parquet.thrift `LogicalType` union).
public enum LogicalType: Hashable, Sendable {
    case string
    case map
    case list
    case enumeration
    case decimal(scale: Int32, precision: Int32)
    case date
    case time(isAdjustedToUTC: Bool, unit: ParquetTimeUnit)
    case timestamp(isAdjustedToUTC: Bool, unit: ParquetTimeUnit)
    case integer(bitWidth: Int8, isSigned: Bool)
    /// Thrift `UNKNOWN` (`NullType`): the column holds only nulls (Arrow's null type).
    case unknown
    case json
    case bson
    case uuid
    case float16
    case variant
    case geometry
    case geography
    /// A union member this library does not know (its field id); readers treat the column as unannotated.
    case unrecognized(Int16)
}

extension LogicalType: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        var result: LogicalType?
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            guard result == nil, field.type == .struct else {
                try reader.skip(field.type)
                continue
            }
            switch field.id {
            case 1: result = .string
            case 2: result = .map
            case 3: result = .list
            case 4: result = .enumeration
            case 5: result = try Self.decodeDecimal(&reader)
            case 6: result = .date
            case 7, 8: result = try Self.decodeTemporal(&reader, isTime: field.id == 7)
            case 10: result = try Self.decodeInteger(&reader)
            case 11: result = .unknown
            case 12: result = .json
            case 13: result = .bson
            case 14: result = .uuid
            case 15: result = .float16
            case 16: result = .variant
            case 17: result = .geometry
            case 18: result = .geography
            default: result = .unrecognized(field.id)
            }
            switch field.id {
            case 5, 7, 8, 10: break
            default: try reader.skip(.struct)
            }
        }
        self = result ?? .unrecognized(0)
    }

    private static func decodeDecimal(_ reader: inout ThriftCompactReader) throws -> LogicalType {
        var scale: Int32 = 0
        var precision: Int32 = 0
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i32): scale = try reader.readI32()
            case (2, .i32): precision = try reader.readI32()
            default: try reader.skip(field.type)
            }
        }
        return .decimal(scale: scale, precision: precision)
    }

    private static func decodeTemporal(_ reader: inout ThriftCompactReader, isTime: Bool) throws -> LogicalType {
        var isAdjustedToUTC = false
        var unit: ParquetTimeUnit?
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, let type) where type.isBool: isAdjustedToUTC = type == .boolTrue
            case (2, .struct): unit = try decodeTimeUnit(&reader)
            default: try reader.skip(field.type)
            }
        }
        guard let unit else { return .unrecognized(isTime ? 7 : 8) }
        return isTime
            ? .time(isAdjustedToUTC: isAdjustedToUTC, unit: unit)
            : .timestamp(isAdjustedToUTC: isAdjustedToUTC, unit: unit)
    }

    private static func decodeTimeUnit(_ reader: inout ThriftCompactReader) throws -> ParquetTimeUnit? {
        var unit: ParquetTimeUnit?
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            if unit == nil && field.type == .struct {
                switch field.id {
                case 1: unit = .millis
                case 2: unit = .micros
                case 3: unit = .nanos
                default: break
                }
            }
            try reader.skip(field.type)
        }
        return unit
    }

    private static func decodeInteger(_ reader: inout ThriftCompactReader) throws -> LogicalType {
        var bitWidth: Int8 = 64
        var isSigned = true
        var last: Int16 = 0
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .i8): bitWidth = try reader.readI8()
            case (2, let type) where type.isBool: isSigned = type == .boolTrue
            default: try reader.skip(field.type)
            }
        }
        return .integer(bitWidth: bitWidth, isSigned: isSigned)
    }

    func encode(thrift writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        switch self {
        case .string: writer.writeEmptyStructField(1)
        case .map: writer.writeEmptyStructField(2)
        case .list: writer.writeEmptyStructField(3)
        case .enumeration: writer.writeEmptyStructField(4)
        case .decimal(let scale, let precision):
            writer.writeFieldHeader(5, .struct)
            writer.beginStruct()
            writer.writeField(1, i32: scale)
            writer.writeField(2, i32: precision)
            writer.endStruct()
        case .date: writer.writeEmptyStructField(6)
        case .time(let isAdjustedToUTC, let unit):
            Self.encodeTemporal(&writer, id: 7, isAdjustedToUTC: isAdjustedToUTC, unit: unit)
        case .timestamp(let isAdjustedToUTC, let unit):
            Self.encodeTemporal(&writer, id: 8, isAdjustedToUTC: isAdjustedToUTC, unit: unit)
        case .integer(let bitWidth, let isSigned):
            writer.writeFieldHeader(10, .struct)
            writer.beginStruct()
            writer.writeField(1, i8: bitWidth)
            writer.writeField(2, bool: isSigned)
            writer.endStruct()
        case .unknown: writer.writeEmptyStructField(11)
        case .json: writer.writeEmptyStructField(12)
        case .bson: writer.writeEmptyStructField(13)
        case .uuid: writer.writeEmptyStructField(14)
        case .float16: writer.writeEmptyStructField(15)
        case .variant: writer.writeEmptyStructField(16)
        case .geometry: writer.writeEmptyStructField(17)
        case .geography: writer.writeEmptyStructField(18)
        case .unrecognized(let id): if id > 0 { writer.writeEmptyStructField(id) }
        }
        writer.endStruct()
    }

    private static func encodeTemporal(
        _ writer: inout ThriftCompactWriter, id: Int16, isAdjustedToUTC: Bool, unit: ParquetTimeUnit
    ) {
        writer.writeFieldHeader(id, .struct)
        writer.beginStruct()
        writer.writeField(1, bool: isAdjustedToUTC)
        writer.writeFieldHeader(2, .struct)
        writer.beginStruct()
        switch unit {
        case .millis: writer.writeEmptyStructField(1)
        case .micros: writer.writeEmptyStructField(2)
        case .nanos: writer.writeEmptyStructField(3)
        }
        writer.endStruct()
        writer.endStruct()
    }
}
