extension WeightMatrix {
    /// `W · x` for `batch` vectors of `columns` floats, restricted to `rows`; returns `batch` vectors of
    /// `rows.count` floats, one after another.
    ///
    /// A convenience over the kernels the model uses, for tests and tools; it runs on the calling thread.
    public func products(_ x: [Float], batch: Int, rows: Range<Int>) -> [Float] {
        precondition(x.count == batch * columns, "x must hold batch × columns values")
        let permuted = UnsafeMutablePointer<Float>.allocate(capacity: x.count)
        let sums = UnsafeMutablePointer<Float>.allocate(capacity: x.count / 32 + 1)
        let full = UnsafeMutablePointer<Float>.allocate(capacity: batch * self.rows)
        defer {
            permuted.deallocate()
            sums.deallocate()
            full.deallocate()
        }
        return x.withUnsafeBufferPointer { xb in
            let base = xb.baseAddress!
            if columns % 32 == 0 {
                Kernels.permuteBlocks(base, count: x.count, into: permuted)
                for b in 0..<batch {
                    Kernels.blockSums(base + b * columns, count: columns, into: sums + b * columns / 32)
                }
            }
            multiply(base, permuted: permuted, blockSums: sums, batch: batch, into: full, rows: rows)
            var result: [Float] = []
            result.reserveCapacity(batch * rows.count)
            for b in 0..<batch {
                result += UnsafeBufferPointer(start: full + b * self.rows + rows.lowerBound, count: rows.count)
            }
            return result
        }
    }
}
