/// Conversion of IEEE 754 half-precision bit patterns, as stored in GGUF block scales and F16 tensors.
enum Half {
    /// The `Float` value of a finite half-precision bit pattern, exactly (every half is representable as a float).
    ///
    /// Branch-free and call-free, so it costs a few integer operations on any CPU: the half's exponent and
    /// mantissa are moved into a float's fields and the exponent bias difference (2¹¹²) is applied by one
    /// multiplication, which also normalises subnormal halves. Infinities and NaNs (never used as block scales)
    /// come out as large finite values; ``slowToFloat(_:)`` handles them.
    @inline(__always)
    static func toFloat(_ bits: UInt16) -> Float {
        let magnitude = Float(bitPattern: UInt32(bits & 0x7FFF) << 13) * 0x1p112
        return Float(bitPattern: magnitude.bitPattern | UInt32(bits & 0x8000) << 16)
    }

    /// An exact conversion of every half, infinities and NaNs included.
    static func slowToFloat(_ bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = UInt32(bits & 0x3FF)
        if exponent == 0x1F {
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        }
        if exponent == 0 {
            // Zero or subnormal: mantissa · 2^-24.
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign == 0 ? magnitude : -magnitude
        }
        return Float(bitPattern: sign | UInt32(exponent + 112) << 23 | (mantissa << 13))
    }
}
