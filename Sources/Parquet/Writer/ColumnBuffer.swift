/// The levels and values of one leaf column buffered for the current row group, stored by physical type.
struct ColumnBuffer: Sendable {
    var definitionLevels: [UInt8] = []
    var repetitionLevels: [UInt8] = []
    /// The number of non-null values (entries whose definition level is the maximum).
    var valueCount = 0
    var booleans: [Bool] = []
    var int32s: [Int32] = []
    var int64s: [Int64] = []
    var floats: [Float] = []
    var doubles: [Double] = []
    /// Byte-array values, concatenated; value `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]

    /// Roughly how many bytes the buffered values take, to decide when a row group is full.
    var estimatedByteSize: Int {
        definitionLevels.count + repetitionLevels.count + booleans.count + 4 * int32s.count + 8 * int64s.count
            + 4 * floats.count + 8 * doubles.count + bytes.count + 4 * (offsets.count - 1)
    }

    @inline(__always)
    mutating func appendLevels(definition: Int, repetition: Int, hasRepetition: Bool) {
        definitionLevels.append(UInt8(truncatingIfNeeded: definition))
        if hasRepetition { repetitionLevels.append(UInt8(truncatingIfNeeded: repetition)) }
    }

    /// Appends a string's UTF-8 bytes as one byte-array value (copying contiguous storage directly when it can).
    @inline(__always)
    mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        offsets.append(bytes.count)
    }

    /// An empty buffer with room for as many levels and values as this one holds.
    var emptyWithSameCapacity: ColumnBuffer {
        var empty = ColumnBuffer()
        empty.definitionLevels.reserveCapacity(definitionLevels.count)
        empty.repetitionLevels.reserveCapacity(repetitionLevels.count)
        empty.booleans.reserveCapacity(booleans.count)
        empty.int32s.reserveCapacity(int32s.count)
        empty.int64s.reserveCapacity(int64s.count)
        empty.floats.reserveCapacity(floats.count)
        empty.doubles.reserveCapacity(doubles.count)
        empty.bytes.reserveCapacity(bytes.count)
        empty.offsets.reserveCapacity(offsets.count)
        return empty
    }
}
