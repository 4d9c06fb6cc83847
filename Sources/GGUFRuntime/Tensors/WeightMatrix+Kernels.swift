/// The product kernels: `y[b][r] = Σ_c W[r][c] · x[b][c]` for a range of rows and a batch of activation vectors.
///
/// Every weight block is decoded once into SIMD registers and then used for all vectors of the batch, so a batch
/// of eight costs little more memory traffic than one vector. Quantized blocks are not scaled element by element:
/// a block contributes `d · (q · x) + m · Σx`, where `Σx` over the block is precomputed per vector.
extension WeightMatrix {
    /// Computes rows `rows` of `W · x` for `batch` vectors.
    ///
    /// - Parameters:
    ///   - x: `batch` vectors of `columns` floats, one after another.
    ///   - blockSums: for Q4_0 and Q4_1, the sum of every 32-value block of each vector (`batch × columns / 32`).
    ///   - y: `batch` output vectors of `rows` floats (this matrix's full row count), one after another.
    func multiply(
        _ x: UnsafePointer<Float>, blockSums: UnsafePointer<Float>, batch: Int,
        into y: UnsafeMutablePointer<Float>, rows: Range<Int>
    ) {
        switch type {
        case .q4_1: multiplyQ4(x, blockSums: blockSums, batch: batch, into: y, rows: rows, hasMinimum: true)
        case .q4_0: multiplyQ4(x, blockSums: blockSums, batch: batch, into: y, rows: rows, hasMinimum: false)
        case .q8_0: multiplyQ8(x, batch: batch, into: y, rows: rows)
        default: multiplyFloat(x, batch: batch, into: y, rows: rows)
        }
    }

    @inline(__always)
    private static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    private static func dot32(
        _ q0: SIMD8<Float>, _ q1: SIMD8<Float>, _ q2: SIMD8<Float>, _ q3: SIMD8<Float>, _ x: UnsafePointer<Float>
    ) -> SIMD8<Float> {
        var t = q0 * load8(x)
        t.addProduct(q1, load8(x + 8))
        t.addProduct(q2, load8(x + 16))
        t.addProduct(q3, load8(x + 24))
        return t
    }

    @inline(__always)
    private static func floats(_ v: SIMD8<UInt8>) -> SIMD8<Float> {
        SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: v))
    }

    @inline(__always)
    private static func floats(_ v: SIMD8<Int8>) -> SIMD8<Float> {
        SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: v))
    }

    private func multiplyQ4(
        _ x: UnsafePointer<Float>, blockSums: UnsafePointer<Float>, batch: Int,
        into y: UnsafeMutablePointer<Float>, rows: Range<Int>, hasMinimum: Bool
    ) {
        let blockBytes = hasMinimum ? 20 : 18
        let quantOffset = hasMinimum ? 4 : 2
        let nb = blocksPerRow
        let cols = columns
        let total = self.rows
        withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: batch) { acc in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: batch) { accMin in
                for r in rows {
                    let row = base + r * rowBytes
                    if batch == 1 {
                        var a = SIMD8<Float>()
                        var am: Float = 0
                        for blk in 0..<nb {
                            let p = row + blk * blockBytes
                            let d = Half.toFloat(p.loadUnaligned(as: UInt16.self))
                            let m =
                                hasMinimum ? Half.toFloat(p.loadUnaligned(fromByteOffset: 2, as: UInt16.self)) : -8 * d
                            let qs = p.loadUnaligned(fromByteOffset: quantOffset, as: SIMD16<UInt8>.self)
                            let lo = qs & 0x0F
                            let hi = qs &>> 4
                            let t = Self.dot32(
                                Self.floats(lo.lowHalf), Self.floats(lo.highHalf), Self.floats(hi.lowHalf),
                                Self.floats(hi.highHalf), x + blk * 32)
                            a.addProduct(t, SIMD8(repeating: d))
                            am += m * blockSums[blk]
                        }
                        y[r] = a.sum() + am
                        continue
                    }
                    for b in 0..<batch {
                        acc[b] = SIMD8()
                        accMin[b] = 0
                    }
                    for blk in 0..<nb {
                        let p = row + blk * blockBytes
                        let d = Half.toFloat(p.loadUnaligned(as: UInt16.self))
                        let m = hasMinimum ? Half.toFloat(p.loadUnaligned(fromByteOffset: 2, as: UInt16.self)) : -8 * d
                        let qs = p.loadUnaligned(fromByteOffset: quantOffset, as: SIMD16<UInt8>.self)
                        let lo = qs & 0x0F
                        let hi = qs &>> 4
                        let q0 = Self.floats(lo.lowHalf)
                        let q1 = Self.floats(lo.highHalf)
                        let q2 = Self.floats(hi.lowHalf)
                        let q3 = Self.floats(hi.highHalf)
                        let dv = SIMD8<Float>(repeating: d)
                        for b in 0..<batch {
                            let t = Self.dot32(q0, q1, q2, q3, x + b * cols + blk * 32)
                            acc[b].addProduct(t, dv)
                            accMin[b] += m * blockSums[b * nb + blk]
                        }
                    }
                    for b in 0..<batch { y[b * total + r] = acc[b].sum() + accMin[b] }
                }
            }
        }
    }

    private func multiplyQ8(
        _ x: UnsafePointer<Float>, batch: Int, into y: UnsafeMutablePointer<Float>, rows: Range<Int>
    ) {
        let nb = blocksPerRow
        let cols = columns
        let total = self.rows
        withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: batch) { acc in
            for r in rows {
                let row = base + r * rowBytes
                for b in 0..<batch { acc[b] = SIMD8() }
                for blk in 0..<nb {
                    let p = row + blk * 34
                    let dv = SIMD8<Float>(repeating: Half.toFloat(p.loadUnaligned(as: UInt16.self)))
                    let qs = p.loadUnaligned(fromByteOffset: 2, as: SIMD32<Int8>.self)
                    let q0 = Self.floats(qs.lowHalf.lowHalf)
                    let q1 = Self.floats(qs.lowHalf.highHalf)
                    let q2 = Self.floats(qs.highHalf.lowHalf)
                    let q3 = Self.floats(qs.highHalf.highHalf)
                    for b in 0..<batch {
                        acc[b].addProduct(Self.dot32(q0, q1, q2, q3, x + b * cols + blk * 32), dv)
                    }
                }
                for b in 0..<batch { y[b * total + r] = acc[b].sum() }
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
                    let xb = x + b * cols
                    var acc = SIMD8<Float>()
                    var c = 0
                    while c + 8 <= cols {
                        acc.addProduct(Self.load8(w + c), Self.load8(xb + c))
                        c += 8
                    }
                    var tail: Float = 0
                    while c < cols {
                        tail += w[c] * xb[c]
                        c += 1
                    }
                    y[b * total + r] = acc.sum() + tail
                }
            }
        }
    }
}
