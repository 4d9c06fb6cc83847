#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds the dictionary of a column chunk: the distinct values in order of first appearance and one index per
/// value. Gives up (returns `nil`) once the PLAIN-encoded dictionary passes `limit` bytes, or when a
/// `distinctRatioLimit` is given and more than that fraction of the first 1,024 (or 8,192) values are distinct, so the
/// chunk falls back to PLAIN.
enum DictionaryEncoder {
    struct Result {
        /// The distinct values, as a column buffer holding only values.
        var dictionary: ColumnBuffer
        var count: Int
        var indices: [Int32]
    }

    static func build(
        _ column: ColumnBuffer, physicalType: PhysicalType, limit: Int, distinctRatioLimit: Double? = nil
    ) -> Result? {
        let ratio = distinctRatioLimit ?? 2
        switch physicalType {
        case .int32:
            return buildFixed(
                column.int32s, width: 4, limit: limit, ratio: ratio, key: { UInt64(UInt32(bitPattern: $0)) }
            ) { $0.int32s = $1 }
        case .int64:
            return buildFixed(column.int64s, width: 8, limit: limit, ratio: ratio, key: { UInt64(bitPattern: $0) }) {
                $0.int64s = $1
            }
        case .float:
            return buildFixed(column.floats, width: 4, limit: limit, ratio: ratio, key: { UInt64($0.bitPattern) }) {
                $0.floats = $1
            }
        case .double:
            return buildFixed(column.doubles, width: 8, limit: limit, ratio: ratio, key: { $0.bitPattern }) {
                $0.doubles = $1
            }
        case .byteArray: return buildByteArrays(column, limit: limit, ratio: ratio)
        default: return nil
        }
    }

    /// Whether, after `seen` values of which `distinct` differ, the dictionary is not worth keeping.
    @inline(__always)
    private static func tooDistinct(_ distinct: Int, seen: Int, ratio: Double) -> Bool {
        (seen == 1024 || seen == 8192) && Double(distinct) > ratio * Double(seen)
    }

    /// Open addressing over the values' bit patterns (a `Dictionary` would hash each value with SipHash).
    private static func buildFixed<T>(
        _ values: [T], width: Int, limit: Int, ratio: Double, key: (T) -> UInt64,
        store: (inout ColumnBuffer, [T]) -> Void
    ) -> Result? {
        var distinct: [T] = []
        var keys: [UInt64] = []
        var indices = [Int32](repeating: 0, count: values.count)
        var tableSize = 1024
        var table = [Int32](repeating: -1, count: tableSize)
        let completed: Bool = indices.withUnsafeMutableBufferPointer { indices in
            for position in values.indices {
                if tooDistinct(keys.count, seen: position, ratio: ratio) { return false }
                let value = values[position]
                let k = key(value)
                var slot = slotOf(k, tableSize)
                var entry = table[slot]
                while entry >= 0 && keys[Int(entry)] != k {
                    slot = (slot + 1) & (tableSize - 1)
                    entry = table[slot]
                }
                if entry >= 0 {
                    indices[position] = entry
                    continue
                }
                let index = Int32(keys.count)
                table[slot] = index
                keys.append(k)
                distinct.append(value)
                indices[position] = index
                if keys.count * width > limit { return false }
                if keys.count * 2 > tableSize {
                    tableSize *= 2
                    table = [Int32](repeating: -1, count: tableSize)
                    for (stored, storedKey) in keys.enumerated() {
                        var slot = slotOf(storedKey, tableSize)
                        while table[slot] >= 0 { slot = (slot + 1) & (tableSize - 1) }
                        table[slot] = Int32(stored)
                    }
                }
            }
            return true
        }
        guard completed else { return nil }
        var dictionary = ColumnBuffer()
        store(&dictionary, distinct)
        dictionary.valueCount = distinct.count
        return Result(dictionary: dictionary, count: distinct.count, indices: indices)
    }

    @inline(__always)
    private static func slotOf(_ key: UInt64, _ tableSize: Int) -> Int {
        var hash = key &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
        return Int(truncatingIfNeeded: hash) & (tableSize - 1)
    }

    private static func buildByteArrays(_ column: ColumnBuffer, limit: Int, ratio: Double) -> Result? {
        let count = column.offsets.count - 1
        var dictionary = ColumnBuffer()
        var indices = [Int32]()
        indices.reserveCapacity(count)
        var tableSize = 1024
        var table = [Int32](repeating: -1, count: tableSize)
        var hashes: [UInt64] = []
        var encodedSize = 0
        let completed: Bool = column.bytes.withUnsafeBytes { source in
            for index in 0..<count {
                if tooDistinct(hashes.count, seen: index, ratio: ratio) { return false }
                let start = column.offsets[index]
                let length = column.offsets[index + 1] - start
                let pointer = source.baseAddress.map { $0 + start }
                let hash = hashBytes(pointer, length)
                var slot = Int(truncatingIfNeeded: hash) & (tableSize - 1)
                while true {
                    let entry = table[slot]
                    if entry < 0 { break }
                    if hashes[Int(entry)] == hash
                        && equalBytes(dictionary, Int(entry), pointer, length)
                    {
                        break
                    }
                    slot = (slot + 1) & (tableSize - 1)
                }
                if table[slot] >= 0 {
                    indices.append(table[slot])
                    continue
                }
                let entry = Int32(hashes.count)
                table[slot] = entry
                hashes.append(hash)
                dictionary.bytes.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: length))
                dictionary.offsets.append(dictionary.bytes.count)
                indices.append(entry)
                encodedSize += 4 + length
                if encodedSize > limit { return false }
                if hashes.count * 2 > tableSize {
                    tableSize *= 2
                    table = [Int32](repeating: -1, count: tableSize)
                    for (position, stored) in hashes.enumerated() {
                        var slot = Int(truncatingIfNeeded: stored) & (tableSize - 1)
                        while table[slot] >= 0 { slot = (slot + 1) & (tableSize - 1) }
                        table[slot] = Int32(position)
                    }
                }
            }
            return true
        }
        guard completed else { return nil }
        dictionary.valueCount = hashes.count
        return Result(dictionary: dictionary, count: hashes.count, indices: indices)
    }

    @inline(__always)
    private static func equalBytes(
        _ dictionary: ColumnBuffer, _ entry: Int, _ pointer: UnsafeRawPointer?, _ length: Int
    )
        -> Bool
    {
        let start = dictionary.offsets[entry]
        guard dictionary.offsets[entry + 1] - start == length else { return false }
        if length == 0 { return true }
        return dictionary.bytes.withUnsafeBytes { memcmp($0.baseAddress! + start, pointer!, length) == 0 }
    }

    /// A fast non-cryptographic hash of a byte range.
    @inline(__always)
    static func hashBytes(_ pointer: UnsafeRawPointer?, _ length: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        guard let pointer else { return hash }
        var index = 0
        while index + 8 <= length {
            let word = pointer.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < length {
            tail |= UInt64(pointer.load(fromByteOffset: index, as: UInt8.self)) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }
}
