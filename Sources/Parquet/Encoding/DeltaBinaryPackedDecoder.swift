/// Decodes DELTA_BINARY_PACKED integers (also the lengths inside the DELTA_*_BYTE_ARRAY encodings).
enum DeltaBinaryPackedDecoder {
    /// Decodes the whole block sequence at the cursor; `maximumCount` bounds the header's value count.
    static func decode(_ cursor: inout ByteCursor, maximumCount: Int) throws -> [Int64] {
        let blockSize = try cursor.readVarint()
        let miniblocksPerBlock = try cursor.readVarint()
        let totalCount = try cursor.readVarint()
        var previous = try cursor.readZigzagVarint()
        guard blockSize > 0, blockSize % 128 == 0, miniblocksPerBlock > 0, blockSize % miniblocksPerBlock == 0,
            (blockSize / miniblocksPerBlock) % 32 == 0, blockSize <= 1 << 20
        else {
            throw cursor.corrupt(
                "invalid DELTA_BINARY_PACKED header (block \(blockSize), miniblocks \(miniblocksPerBlock))")
        }
        guard totalCount <= UInt64(maximumCount) else {
            throw cursor.corrupt("DELTA_BINARY_PACKED holds \(totalCount) values where at most \(maximumCount) fit")
        }
        let count = Int(totalCount)
        let perMiniblock = Int(blockSize / miniblocksPerBlock)
        var values: [Int64] = []
        values.reserveCapacity(count)
        if count > 0 { values.append(previous) }
        while values.count < count {
            let minDelta = try cursor.readZigzagVarint()
            let widths = try cursor.take(Int(miniblocksPerBlock))
            for widthIndex in widths where values.count < count {
                let width = Int(cursor.bytes[widthIndex])
                guard width <= 64 else { throw cursor.corrupt("miniblock bit width \(width) exceeds 64") }
                let body = try cursor.take(perMiniblock * width / 8)
                let needed = min(perMiniblock, count - values.count)
                for index in 0..<needed {
                    let packed =
                        width == 0 ? 0 : cursor.bits(at: body.lowerBound, bitOffset: index * width, width: width)
                    previous = previous &+ minDelta &+ Int64(bitPattern: packed)
                    values.append(previous)
                }
            }
        }
        return values
    }
}
