/// The product kernels: `y[b][r] = Σ_c W[r][c] · x[b][c]` for a range of rows and a batch of activation vectors.
///
/// Every weight block is decoded once into SIMD registers and then used for all vectors of the batch, so a batch
/// of eight costs little more memory traffic than one vector.
///
/// Decoding uses only shifts, masks and an exponent trick (`bits(0x4B000000 | n) − 2²³ = n`), which every SIMD
/// instruction set does well. It yields a block's values in a fixed permuted order (lane `j` of chunk `k` holds
/// element `4j + k`, lane `4 + j` holds element `16 + 4j + k`), so the activations are permuted the same way once
/// per product (``Kernels/permuteBlocks(_:count:into:)``) instead of the weights once per row.
///
/// Quantized blocks are not scaled element by element: a block contributes `d · (q · x) + m · Σx`, where `Σx` over
/// the block is precomputed per vector.
extension WeightMatrix {
    /// Computes rows `rows` of `W · x` for `batch` vectors.
    ///
    /// - Parameters:
    ///   - x: `batch` vectors of `columns` floats, one after another (used by F32 and F16).
    ///   - permuted: the same vectors with each 32-value block permuted (used by the quantized types).
    ///   - blockSums: the sum of every 32-value block of each vector (`batch × columns / 32`).
    ///   - y: `batch` output vectors of `rows` floats (this matrix's full row count), one after another.
    func multiply(
        _ x: UnsafePointer<Float>, permuted: UnsafePointer<Float>, blockSums: UnsafePointer<Float>, batch: Int,
        into y: UnsafeMutablePointer<Float>, rows: Range<Int>
    ) {
        switch type {
        case .q4_1: multiplyQuantized(permuted, blockSums, batch, y, rows, kind: .q4_1)
        case .q4_0: multiplyQuantized(permuted, blockSums, batch, y, rows, kind: .q4_0)
        case .q8_0: multiplyQuantized(permuted, blockSums, batch, y, rows, kind: .q8_0)
        default: multiplyFloat(x, batch: batch, into: y, rows: rows)
        }
    }

    private enum QuantKind {
        case q4_0, q4_1, q8_0
    }

    @inline(__always)
    private static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// The four chunks of a block as floats, from 32 values in the low byte of each 32-bit lane group.
    @inline(__always)
    private static func bytesToFloats(
        _ v: SIMD8<UInt32>, bias: Float
    ) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
        let magic = SIMD8<UInt32>(repeating: 0x4B00_0000)
        let byte = SIMD8<UInt32>(repeating: 0xFF)
        let b = SIMD8<Float>(repeating: 8_388_608 + bias)
        let c0 = unsafeBitCast((v & byte) | magic, to: SIMD8<Float>.self) - b
        let c1 = unsafeBitCast(((v &>> 8) & byte) | magic, to: SIMD8<Float>.self) - b
        let c2 = unsafeBitCast(((v &>> 16) & byte) | magic, to: SIMD8<Float>.self) - b
        let c3 = unsafeBitCast((v &>> 24) | magic, to: SIMD8<Float>.self) - b
        return (c0, c1, c2, c3)
    }

    /// Decodes the 32 quantized values of a block (unscaled, without offset for Q4_1; centred for Q4_0 and Q8_0).
    @inline(__always)
    private static func decode(
        _ quants: UnsafeRawPointer, kind: QuantKind
    ) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
        switch kind {
        case .q8_0:
            // Flip the sign bits so each byte reads as value + 128.
            let flip = SIMD4<UInt32>(repeating: 0x8080_8080)
            let low = quants.loadUnaligned(as: SIMD4<UInt32>.self) ^ flip
            let high = quants.loadUnaligned(fromByteOffset: 16, as: SIMD4<UInt32>.self) ^ flip
            return bytesToFloats(SIMD8(lowHalf: low, highHalf: high), bias: 128)
        case .q4_0, .q4_1:
            let packed = quants.loadUnaligned(as: SIMD4<UInt32>.self)
            let mask = SIMD4<UInt32>(repeating: 0x0F0F_0F0F)
            let v = SIMD8(lowHalf: packed & mask, highHalf: (packed &>> 4) & mask)
            return bytesToFloats(v, bias: kind == .q4_0 ? 8 : 0)
        }
    }

    @inline(__always)
    private static func dot32(
        _ q: (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>), _ x: UnsafePointer<Float>
    ) -> SIMD8<Float> {
        var t = q.0 * load8(x)
        t += q.1 * load8(x + 8)
        t += q.2 * load8(x + 16)
        t += q.3 * load8(x + 24)
        return t
    }

    private func multiplyQuantized(
        _ x: UnsafePointer<Float>, _ blockSums: UnsafePointer<Float>, _ batch: Int,
        _ y: UnsafeMutablePointer<Float>, _ rows: Range<Int>, kind: QuantKind
    ) {
        let blockBytes: Int
        let quantOffset: Int
        switch kind {
        case .q4_0: (blockBytes, quantOffset) = (18, 2)
        case .q4_1: (blockBytes, quantOffset) = (20, 4)
        case .q8_0: (blockBytes, quantOffset) = (34, 2)
        }
        let hasMinimum = kind == .q4_1
        let nb = blocksPerRow
        let cols = columns
        let total = self.rows
        if batch == 1 {
            for r in rows {
                let row = base + r * rowBytes
                var a = SIMD8<Float>()
                var am: Float = 0
                for blk in 0..<nb {
                    let p = row + blk * blockBytes
                    let d = Half.toFloat(p.loadUnaligned(as: UInt16.self))
                    let t = Self.dot32(Self.decode(p + quantOffset, kind: kind), x + blk * 32)
                    a += t * d
                    if hasMinimum {
                        am += Half.toFloat(p.loadUnaligned(fromByteOffset: 2, as: UInt16.self)) * blockSums[blk]
                    }
                }
                y[r] = a.sum() + am
            }
            return
        }
        withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: batch) { acc in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: batch) { accMin in
                for r in rows {
                    let row = base + r * rowBytes
                    for b in 0..<batch {
                        acc[b] = SIMD8()
                        accMin[b] = 0
                    }
                    for blk in 0..<nb {
                        let p = row + blk * blockBytes
                        // Scale the decoded block once, not each vector's partial sum: saves a multiply per vector.
                        let d = Half.toFloat(p.loadUnaligned(as: UInt16.self))
                        let u = Self.decode(p + quantOffset, kind: kind)
                        let q = (u.0 * d, u.1 * d, u.2 * d, u.3 * d)
                        for b in 0..<batch {
                            acc[b] += Self.dot32(q, x + b * cols + blk * 32)
                        }
                        if hasMinimum {
                            let m = Half.toFloat(p.loadUnaligned(fromByteOffset: 2, as: UInt16.self))
                            for b in 0..<batch { accMin[b] += m * blockSums[b * nb + blk] }
                        }
                    }
                    for b in 0..<batch { y[b * total + r] = acc[b].sum() + accMin[b] }
                }
            }
        }
    }

    private func multiplyFloat(
        _ x: UnsafePointer<Float>, batch: Int, into y: UnsafeMutablePointer<Float>, rows: Range<Int>
    ) {
        let cols = columns
        let total = self.rows
        withUnsafeTemporaryAllocation(of: Float.self, capacity: cols) { rowBuffer in
            let w = UnsafePointer(rowBuffer.baseAddress!)
            for r in rows {
                dequantizeRow(r, into: rowBuffer.baseAddress!)
                for b in 0..<batch {
                    y[b * total + r] = Kernels.dot(w, x + b * cols, count: cols)
                }
            }
        }
    }
}
