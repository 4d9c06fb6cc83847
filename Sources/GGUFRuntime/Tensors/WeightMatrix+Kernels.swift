/// The product kernels: `y[b][r] = Σ_c W[r][c] · x[b][c]` for a range of rows and a batch of activation vectors.
///
/// Quantized weights multiply activations quantized to 16 bits per 32-value block (``QuantizedActivations``) in
/// integer arithmetic: a block's 4- or 8-bit values widen to 16-bit lanes and meet the activations in
/// multiply-and-add-pairs products (`pmaddwd` on x86-64's baseline SSE2: eight multiply-adds in one instruction),
/// which sum into 32-bit lanes without overflow. Only then does a block cost float work: one conversion, one
/// multiply by the product of the two scales, one add, and for Q4_1 its minimum times the block's activation sum.
///
/// Each row is first decoded into a small buffer of 16-bit integers and float scales, then multiplied by the
/// vectors four at a time, the four accumulators in registers. Decoding in registers next to the products made
/// LLVM's x86 backend widen and repack the weights around every `pmaddwd`; values loaded from memory it leaves
/// alone (check with `objdump -d`: the inner loop should be `pmaddwd`, `paddd`, `cvtdq2ps`, `mulps`, `addps`).
extension WeightMatrix {
    /// Computes rows `rows` of `W · x` for `batch` vectors.
    ///
    /// - Parameters:
    ///   - x: `batch` vectors of `columns` floats, one after another (used by F32 and F16).
    ///   - quantized: the same vectors quantized, for integer products with quantized weights; `nil` for float
    ///     products of dequantized rows (``ProductArithmetic/float``).
    ///   - y: `batch` output vectors of `rows` floats (this matrix's full row count), one after another.
    func multiply(
        _ x: UnsafePointer<Float>, quantized: QuantizedActivations?, batch: Int, into y: UnsafeMutablePointer<Float>,
        rows: Range<Int>
    ) {
        guard let quantized else { return multiplyFloat(x, batch: batch, into: y, rows: rows) }
        switch type {
        case .q4_1: multiplyQuantized(quantized, batch, y, rows, format: Q4_1Blocks.self)
        case .q4_0: multiplyQuantized(quantized, batch, y, rows, format: Q4_0Blocks.self)
        case .q8_0: multiplyQuantized(quantized, batch, y, rows, format: Q8_0Blocks.self)
        default: multiplyFloat(x, batch: batch, into: y, rows: rows)
        }
    }

    /// Multiplies eight pairs of 16-bit lanes and adds adjacent products (one `pmaddwd`).
    @inline(__always)
    private static func multiplyAddPairs(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD4<Int32> {
        let product = SIMD8<Int32>(truncatingIfNeeded: a) &* SIMD8<Int32>(truncatingIfNeeded: b)
        return product.evenHalf &+ product.oddHalf
    }

    /// The integer dot product of a block with 32 quantized activations (64-byte aligned), in four lanes.
    @inline(__always)
    private static func dot(_ w: WeightBlock, _ x: UnsafeRawPointer) -> SIMD4<Float> {
        let a =
            multiplyAddPairs(w.0, x.load(as: SIMD8<Int16>.self))
            &+ multiplyAddPairs(w.1, x.load(fromByteOffset: 16, as: SIMD8<Int16>.self))
        let b =
            multiplyAddPairs(w.2, x.load(fromByteOffset: 32, as: SIMD8<Int16>.self))
            &+ multiplyAddPairs(w.3, x.load(fromByteOffset: 48, as: SIMD8<Int16>.self))
        return SIMD4<Float>(a &+ b)
    }

    private func multiplyQuantized<F: QuantizedBlocks>(
        _ a: QuantizedActivations, _ batch: Int, _ y: UnsafeMutablePointer<Float>, _ rows: Range<Int>,
        format: F.Type
    ) {
        let total = self.rows
        let nb = blocksPerRow
        // One row decoded: 32 Int16 per block, then its scales, then its minimums.
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: nb * 72 + 64, alignment: 64)
        defer { scratch.deallocate() }
        let weights = UnsafeRawPointer(scratch)
        let scales = (scratch + nb * 64).assumingMemoryBound(to: Float.self)
        let minimums = scales + nb
        for r in rows {
            decodeRow(r, into: scratch, scales: scales, minimums: minimums, format: format)
            var first = 0
            while first + 4 <= batch {
                let out = dotRow4(weights, scales, minimums, a, first, hasMinimum: F.hasMinimum)
                y[first * total + r] = out[0]
                y[(first + 1) * total + r] = out[1]
                y[(first + 2) * total + r] = out[2]
                y[(first + 3) * total + r] = out[3]
                first += 4
            }
            while first < batch {
                y[first * total + r] = dotRow1(weights, scales, minimums, a, first, hasMinimum: F.hasMinimum)
                first += 1
            }
        }
    }

    @inline(__always)
    private func decodeRow<F: QuantizedBlocks>(
        _ r: Int, into weights: UnsafeMutableRawPointer, scales: UnsafeMutablePointer<Float>,
        minimums: UnsafeMutablePointer<Float>, format: F.Type
    ) {
        let row = base + r * rowBytes
        for blk in 0..<blocksPerRow {
            let p = row + blk &* F.blockBytes
            scales[blk] = Half.toFloat(p.loadUnaligned(as: UInt16.self))
            minimums[blk] = F.hasMinimum ? Half.toFloat(p.loadUnaligned(fromByteOffset: 2, as: UInt16.self)) : 0
            let w = F.decode(p + F.quantOffset)
            let o = weights + blk &* 64
            o.storeBytes(of: w.0, as: SIMD8<Int16>.self)
            o.storeBytes(of: w.1, toByteOffset: 16, as: SIMD8<Int16>.self)
            o.storeBytes(of: w.2, toByteOffset: 32, as: SIMD8<Int16>.self)
            o.storeBytes(of: w.3, toByteOffset: 48, as: SIMD8<Int16>.self)
        }
    }

    @inline(__always)
    private static func loadBlock(_ p: UnsafeRawPointer) -> WeightBlock {
        (
            p.load(as: SIMD8<Int16>.self), p.load(fromByteOffset: 16, as: SIMD8<Int16>.self),
            p.load(fromByteOffset: 32, as: SIMD8<Int16>.self), p.load(fromByteOffset: 48, as: SIMD8<Int16>.self)
        )
    }

    /// A decoded row times vectors `first..<first + 4`.
    @inline(__always)
    private func dotRow4(
        _ weights: UnsafeRawPointer, _ scales: UnsafePointer<Float>, _ minimums: UnsafePointer<Float>,
        _ a: QuantizedActivations, _ first: Int, hasMinimum: Bool
    ) -> SIMD4<Float> {
        let nb = blocksPerRow
        let x0 = UnsafeRawPointer(a.values + first * columns)
        let x1 = x0 + 2 * columns
        let x2 = x1 + 2 * columns
        let x3 = x2 + 2 * columns
        let s0 = a.scales + first * nb
        let s1 = s0 + nb
        let s2 = s1 + nb
        let s3 = s2 + nb
        var acc0 = SIMD4<Float>()
        var acc1 = SIMD4<Float>()
        var acc2 = SIMD4<Float>()
        var acc3 = SIMD4<Float>()
        var minimum = SIMD4<Float>()
        for blk in 0..<nb {
            let d = scales[blk]
            let offset = blk &* 64
            let w = Self.loadBlock(weights + offset)
            acc0 += Self.dot(w, x0 + offset) * (d * s0[blk])
            acc1 += Self.dot(w, x1 + offset) * (d * s1[blk])
            acc2 += Self.dot(w, x2 + offset) * (d * s2[blk])
            acc3 += Self.dot(w, x3 + offset) * (d * s3[blk])
            if hasMinimum {
                let sums = a.sums + first * nb + blk
                minimum += SIMD4(sums[0], sums[nb], sums[2 * nb], sums[3 * nb]) * minimums[blk]
            }
        }
        return SIMD4(acc0.sum(), acc1.sum(), acc2.sum(), acc3.sum()) + minimum
    }

    /// A decoded row times vector `vector`.
    @inline(__always)
    private func dotRow1(
        _ weights: UnsafeRawPointer, _ scales: UnsafePointer<Float>, _ minimums: UnsafePointer<Float>,
        _ a: QuantizedActivations, _ vector: Int, hasMinimum: Bool
    ) -> Float {
        let nb = blocksPerRow
        let x = UnsafeRawPointer(a.values + vector * columns)
        let activationScales = a.scales + vector * nb
        let sums = a.sums + vector * nb
        var acc = SIMD4<Float>()
        var minimum: Float = 0
        for blk in 0..<nb {
            let offset = blk &* 64
            acc += Self.dot(Self.loadBlock(weights + offset), x + offset) * (scales[blk] * activationScales[blk])
            if hasMinimum { minimum += minimums[blk] * sums[blk] }
        }
        return acc.sum() + minimum
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
