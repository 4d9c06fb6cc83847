import Testing

@testable import Parquet

@Suite struct ThriftCompactTests {
    @Test(arguments: [Int64.min, -1 << 40, -65, -64, -1, 0, 1, 63, 64, 300, 1 << 40, Int64.max])
    func i64RoundTrips(value: Int64) throws {
        var writer = ThriftCompactWriter()
        writer.writeI64(value)
        var reader = ThriftCompactReader(writer.bytes)
        #expect(try reader.readI64() == value)
        #expect(reader.remaining == 0)
    }

    @Test func zigzagVarintMatchesTheSpecification() {
        var writer = ThriftCompactWriter()
        writer.writeI32(-1)
        writer.writeI32(1)
        writer.writeI32(-64)
        writer.writeI32(150)
        // zigzag(-1)=1, zigzag(1)=2, zigzag(-64)=127, zigzag(150)=300 = 0xAC 0x02
        #expect(writer.bytes == [0x01, 0x02, 0x7F, 0xAC, 0x02])
    }

    @Test func fieldHeadersUseDeltasAndLongFormForLargeJumpsOrBackwardIDs() throws {
        var writer = ThriftCompactWriter()
        writer.beginStruct()
        writer.writeField(1, i32: 7)
        writer.writeField(20, double: -2.5)
        writer.writeField(3, bool: true)
        writer.writeField(4, binary: [0, 255])
        writer.endStruct()
        #expect(writer.bytes.first == 0x15)
        var reader = ThriftCompactReader(writer.bytes)
        var last: Int16 = 0
        var seen: [Int16] = []
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            seen.append(field.id)
            switch field.id {
            case 1: #expect(try reader.readI32() == 7)
            case 20: #expect(try reader.readDouble() == -2.5)
            case 3: #expect(field.type == .boolTrue)
            case 4: #expect(try reader.readBinary() == [0, 255])
            default: Issue.record("unexpected field \(field.id)")
            }
        }
        #expect(seen == [1, 20, 3, 4])
        #expect(reader.remaining == 0)
    }

    @Test func unknownFieldsOfEveryTypeAreSkipped() throws {
        var writer = ThriftCompactWriter()
        writer.beginStruct()
        writer.writeField(3, i64: 42)
        writer.writeField(30, i8: -3)
        writer.writeField(31, i16: 1000)
        writer.writeField(32, strings: Array(repeating: "x", count: 20))
        writer.writeFieldHeader(33, .map)
        writer.writeMapHeader(keyType: .binary, valueType: .boolTrue, count: 2)
        writer.writeString("a")
        writer.writeBoolElement(true)
        writer.writeString("b")
        writer.writeBoolElement(false)
        writer.writeField(34, struct: Statistics(nullCount: 1))
        writer.writeFieldHeader(35, .set)
        writer.writeListHeader(.double, count: 1)
        writer.writeDouble(1)
        writer.writeField(36, bool: false)
        writer.writeField(6, binary: [9])
        writer.endStruct()
        let (statistics, end) = try Statistics.decode(from: writer.bytes)
        #expect(statistics == Statistics(nullCount: 42, minValue: [9]))
        #expect(end == writer.bytes.count)
    }

    @Test func truncatedInputThrowsInsteadOfCrashing() throws {
        let full = Statistics(max: [1, 2, 3], nullCount: 5, minValue: Array(repeating: 7, count: 40)).thriftEncoded()
        for length in 0..<full.count {
            #expect(throws: ParquetError.self) { try Statistics.decode(from: Array(full[..<length])) }
        }
    }

    @Test func hugeDeclaredSizesAreRejectedWithoutAllocating() {
        // A binary field claiming 2^40 bytes, then a list claiming 2^31 elements.
        var binary = ThriftCompactWriter()
        binary.writeFieldHeader(1, .binary)
        binary.writeVarint(1 << 40)
        #expect(throws: ParquetError.self) { try Statistics.decode(from: binary.bytes) }
        var list = ThriftCompactWriter()
        list.writeFieldHeader(2, .list)
        list.writeListHeader(.struct, count: 1 << 31)
        #expect(throws: ParquetError.self) { try FileMetaData.decode(from: list.bytes) }
    }

    @Test func deeplyNestedUnknownStructsHitTheDepthLimit() {
        var bytes: [UInt8] = []
        for _ in 0..<10_000 { bytes.append(0x1C) }  // field 1, type struct, forever
        #expect(throws: ParquetError.self) { try Statistics.decode(from: bytes) }
    }
}
