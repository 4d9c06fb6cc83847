/// Vector kernels of the forward pass, over raw float buffers.
enum Kernels {
    @inline(__always)
    static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }

    /// `Σ a[i]·b[i]`.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        while i + 8 <= count {
            acc += load8(a + i) * load8(b + i)
            i += 8
        }
        var tail: Float = 0
        while i < count {
            tail += a[i] * b[i]
            i += 1
        }
        return acc.sum() + tail
    }

    /// `out[i] += a[i]·s`.
    @inline(__always)
    static func addScaled(_ a: UnsafePointer<Float>, _ s: Float, to out: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let sv = SIMD8<Float>(repeating: s)
        while i + 8 <= count {
            var o = load8(out + i)
            o += load8(a + i) * sv
            store8(o, out + i)
            i += 8
        }
        while i < count {
            out[i] += a[i] * s
            i += 1
        }
    }

    /// `out[i] += a[i]`.
    static func add(_ a: UnsafePointer<Float>, to out: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { out[i] += a[i] }
    }

    /// RMSNorm of each row: `x / √(mean(x²) + ε) · weight`.
    static func rmsNorm(
        _ x: UnsafePointer<Float>, rows: Int, width: Int, weight: [Float], epsilon: Float,
        into out: UnsafeMutablePointer<Float>
    ) {
        weight.withUnsafeBufferPointer { w in
            for r in 0..<rows {
                let row = x + r * width
                let meanSquare = dot(row, row, count: width) / Float(width)
                let scale = 1 / (meanSquare + epsilon).squareRoot()
                let o = out + r * width
                for i in 0..<width { o[i] = row[i] * scale * w[i] }
            }
        }
    }

    /// Rotates adjacent pairs `(x[2i], x[2i+1])` by the angles whose cos and sin `table` holds interleaved.
    @inline(__always)
    static func rope(_ x: UnsafeMutablePointer<Float>, table: UnsafePointer<Float>, pairs: Int) {
        for i in 0..<pairs {
            let c = table[2 * i]
            let s = table[2 * i + 1]
            let a = x[2 * i]
            let b = x[2 * i + 1]
            x[2 * i] = a * c - b * s
            x[2 * i + 1] = a * s + b * c
        }
    }

    /// In-place softmax.
    static func softmax(_ x: UnsafeMutablePointer<Float>, count: Int) {
        var maximum = -Float.infinity
        for i in 0..<count { maximum = max(maximum, x[i]) }
        var sum: Float = 0
        for i in 0..<count {
            let e = expf(x[i] - maximum)
            x[i] = e
            sum += e
        }
        let inverse = 1 / sum
        for i in 0..<count { x[i] *= inverse }
    }

    /// `gate[i] = silu(gate[i]) · up[i]`.
    static func swiglu(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count: Int) {
        for i in 0..<count {
            let g = gate[i]
            gate[i] = g / (1 + expf(-g)) * up[i]
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
