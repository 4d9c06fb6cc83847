extension WeightMatrix {
    /// `W · x` for `batch` vectors of `columns` floats, restricted to `rows`; returns `batch` vectors of
    /// `rows.count` floats, one after another.
    ///
    /// A convenience over the kernels the model uses, for tests and tools; it runs on the calling thread.
    public func products(
        _ x: [Float], batch: Int, rows: Range<Int>, arithmetic: ProductArithmetic = .integer
    ) -> [Float] {
        precondition(x.count == batch * columns, "x must hold batch × columns values")
        let quantized = QuantizedActivations.allocate(capacity: x.count)
        let full = UnsafeMutablePointer<Float>.allocate(capacity: batch * self.rows)
        defer {
            quantized.deallocate()
            full.deallocate()
        }
        return x.withUnsafeBufferPointer { xb in
            let base = xb.baseAddress!
            let integer = arithmetic == .integer && columns % 32 == 0
            if integer {
                quantized.quantize(base, count: x.count)
            }
            multiply(base, quantized: integer ? quantized : nil, batch: batch, into: full, rows: rows)
            var result: [Float] = []
            result.reserveCapacity(batch * rows.count)
            for b in 0..<batch {
                result += UnsafeBufferPointer(start: full + b * self.rows + rows.lowerBound, count: rows.count)
            }
            return result
        }
    }
}
