#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Chunk statistics: null count and the min/max of the non-null values in the column's sort order, PLAIN-encoded.
/// NaNs are left out of float min/max; decimals get no min/max (their order is signed, not bytewise).
enum ColumnStatistics {
    static func compute(_ values: ColumnBuffer, leaf: LeafColumn, nullCount: Int) -> Statistics {
        var statistics = Statistics(nullCount: Int64(nullCount))
        var bounds: ([UInt8], [UInt8])?
        switch leaf.type {
        case .null, .decimal: bounds = nil
        case .bool:
            if let low = values.booleans.min(by: { !$0 && $1 }), let high = values.booleans.max(by: { !$0 && $1 }) {
                bounds = ([low ? 1 : 0], [high ? 1 : 0])
            }
        case .uint64:
            let unsigned = values.int64s.lazy.map { UInt64(bitPattern: $0) }
            if let low = unsigned.min(), let high = unsigned.max() {
                bounds = (plain(Int64(bitPattern: low)), plain(Int64(bitPattern: high)))
            }
        case .float:
            bounds = floatBounds(values.floats).map { (plain($0.0), plain($0.1)) }
        case .double:
            bounds = floatBounds(values.doubles).map { (plain($0.0), plain($0.1)) }
        case .string, .binary:
            bounds = byteArrayBounds(values)
        default:
            if leaf.physicalType == .int32, let low = values.int32s.min(), let high = values.int32s.max() {
                bounds = (plain(low), plain(high))
            } else if leaf.physicalType == .int64, let low = values.int64s.min(), let high = values.int64s.max() {
                bounds = (plain(low), plain(high))
            }
        }
        if let bounds {
            statistics.minValue = bounds.0
            statistics.maxValue = bounds.1
        }
        return statistics
    }

    private static func plain<T>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }

    /// Min and max ignoring NaN; a zero minimum is written as -0 and a zero maximum as +0, as the format asks.
    private static func floatBounds<T: BinaryFloatingPoint>(_ values: [T]) -> (T, T)? {
        var low: T?
        var high: T?
        for value in values where !value.isNaN {
            if low == nil || value < low! { low = value }
            if high == nil || value > high! { high = value }
        }
        guard var low, var high else { return nil }
        if low == 0 { low = -T(0) }
        if high == 0 { high = T(0) }
        return (low, high)
    }

    private static func byteArrayBounds(_ values: ColumnBuffer) -> ([UInt8], [UInt8])? {
        let count = values.offsets.count - 1
        guard count > 0 else { return nil }
        return values.bytes.withUnsafeBytes { bytes -> ([UInt8], [UInt8]) in
            func less(_ a: Int, _ b: Int) -> Bool {
                let (startA, lengthA) = (values.offsets[a], values.offsets[a + 1] - values.offsets[a])
                let (startB, lengthB) = (values.offsets[b], values.offsets[b + 1] - values.offsets[b])
                let common = min(lengthA, lengthB)
                if common > 0 {
                    let order = memcmp(bytes.baseAddress! + startA, bytes.baseAddress! + startB, common)
                    if order != 0 { return order < 0 }
                }
                return lengthA < lengthB
            }
            var low = 0
            var high = 0
            for index in 1..<count {
                if less(index, low) { low = index }
                if less(high, index) { high = index }
            }
            func slice(_ index: Int) -> [UInt8] {
                Array(values.bytes[values.offsets[index]..<values.offsets[index + 1]])
            }
            return (slice(low), slice(high))
        }
    }
}
