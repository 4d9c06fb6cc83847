/// Conversion of IEEE 754 half-precision bit patterns, as stored in GGUF block scales and F16 tensors.
enum Half {
    /// The `Float` value of a half-precision bit pattern (exact: every half is representable as a float).
    @inline(__always)
    static func toFloat(_ bits: UInt16) -> Float {
        #if (os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64)
            return slowToFloat(bits)
        #else
            return Float(Float16(bitPattern: bits))
        #endif
    }

    /// A portable conversion by bit manipulation, for platforms without `Float16`.
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
