/// Activation vectors quantized to 16-bit integers in blocks of 32, the right-hand side of the integer product
/// kernels (``WeightMatrix/multiply(_:quantized:batch:into:rows:)``).
///
/// Each 32-value block `x` of a vector is stored as `q = round(x / s)` with `s = max|x| / 32767`, its scale `s`
/// and its exact float sum `Σx` (Q4_1's minimum multiplies it). The rounding error of an element is at most `s/2`,
/// `2⁻¹⁶` of the block's largest magnitude: a hundred times finer than 8-bit activations, so products stay within
/// float rounding noise of the exact ones while the weights' 4- and 8-bit values multiply as 16-bit integers
/// (SSE2's `pmaddwd`: eight multiply-adds per instruction, against four float multiplies and four adds).
///
/// Buffers are owned by the creator (the model's ``Workspace``); this is a view of them.
struct QuantizedActivations {
    /// `capacity` values, 64-byte aligned, vector after vector.
    let values: UnsafeMutablePointer<Int16>
    /// One scale per block, vector after vector.
    let scales: UnsafeMutablePointer<Float>
    /// One sum per block, vector after vector.
    let sums: UnsafeMutablePointer<Float>
    /// The number of values the buffers hold (a multiple of 32).
    let capacity: Int

    /// The largest quantized magnitude: products of up to 32 such values with 8-bit weights fit in an `Int32`.
    static let limit: Float = 32767

    /// Allocates buffers for `capacity` values (rounded up to whole blocks); release them with ``deallocate()``.
    static func allocate(capacity: Int) -> QuantizedActivations {
        let count = (capacity + 31) / 32 * 32
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * 2, alignment: 64)
        raw.initializeMemory(as: Int16.self, repeating: 0, count: count)
        let scales = UnsafeMutablePointer<Float>.allocate(capacity: count / 32)
        scales.initialize(repeating: 0, count: count / 32)
        let sums = UnsafeMutablePointer<Float>.allocate(capacity: count / 32)
        sums.initialize(repeating: 0, count: count / 32)
        return QuantizedActivations(
            values: raw.assumingMemoryBound(to: Int16.self), scales: scales, sums: sums, capacity: count)
    }

    func deallocate() {
        UnsafeMutableRawPointer(values).deallocate()
        scales.deallocate()
        sums.deallocate()
    }

    /// Quantizes `count` floats (a multiple of 32: whole blocks of one or more vectors) into the buffers' start.
    func quantize(_ x: UnsafePointer<Float>, count: Int) {
        precondition(count % 32 == 0 && count <= capacity, "quantized activations: bad value count \(count)")
        for block in 0..<count / 32 {
            let p = x + block * 32
            let v0 = Kernels.load8(p)
            let v1 = Kernels.load8(p + 8)
            let v2 = Kernels.load8(p + 16)
            let v3 = Kernels.load8(p + 24)
            var largest: Float = 0
            for i in 0..<32 { largest = max(largest, Swift.abs(p[i])) }
            let sum = (v0 + v1 + v2 + v3).sum()
            sums[block] = sum
            let q = values + block * 32
            guard largest > 0, sum.isFinite else {
                // A zero block, or one holding an infinity or a NaN, which then makes every product with it NaN.
                scales[block] = sum.isFinite ? 0 : .nan
                q.update(repeating: 0, count: 32)
                continue
            }
            scales[block] = largest / Self.limit
            let inverse = SIMD8<Float>(repeating: Self.limit / largest)
            let r0 = Self.round(v0 * inverse)
            let r1 = Self.round(v1 * inverse)
            let r2 = Self.round(v2 * inverse)
            let r3 = Self.round(v3 * inverse)
            // Each 16-value half as its even elements, then its odd ones (see `WeightBlock`).
            for i in 0..<4 {
                q[i] = Int16(truncatingIfNeeded: r0[2 * i])
                q[4 + i] = Int16(truncatingIfNeeded: r1[2 * i])
                q[8 + i] = Int16(truncatingIfNeeded: r0[2 * i + 1])
                q[12 + i] = Int16(truncatingIfNeeded: r1[2 * i + 1])
                q[16 + i] = Int16(truncatingIfNeeded: r2[2 * i])
                q[20 + i] = Int16(truncatingIfNeeded: r3[2 * i])
                q[24 + i] = Int16(truncatingIfNeeded: r2[2 * i + 1])
                q[28 + i] = Int16(truncatingIfNeeded: r3[2 * i + 1])
            }
        }
    }

    /// Rounds floats within ±2²² to the nearest integers, ties to even: adding 1.5 · 2²³ leaves the integer in the
    /// low mantissa bits (SSE2 has no rounding instruction, and `rounded()` would call the C library).
    @inline(__always)
    private static func round(_ v: SIMD8<Float>) -> SIMD8<Int32> {
        let shifted = v + SIMD8(repeating: 12_582_912)
        return unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
    }
}
