/// A ggml block format of 32 quantized weights with a half-precision scale `d` first: how to read a block's
/// values as 16-bit integers `q`, whose weights are `d · q`, plus a minimum `m` for Q4_1 (`d · q + m`).
///
/// The product kernels are generic over it, so each format gets its own specialised loop.
protocol QuantizedBlocks {
    /// Bytes per block.
    static var blockBytes: Int { get }
    /// The offset of the quantized values in a block.
    static var quantOffset: Int { get }
    /// Whether a half-precision minimum follows the scale.
    static var hasMinimum: Bool { get }
    /// The 32 values at `quants`, in element order.
    static func decode(_ quants: UnsafeRawPointer) -> WeightBlock
}

/// A block's 32 weights as 16-bit integers, in the kernels' order: each 16-value half of the block as its even
/// elements, then its odd ones (``QuantizedActivations`` stores activations in the same order).
///
/// That order is what reading 16 bytes as eight 16-bit lanes gives with only shifts and masks: lane `i` holds
/// bytes `2i` and `2i + 1`, so no byte shuffles are needed.
typealias WeightBlock = (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>)

/// 4-bit values without offset: byte `j` holds element `j` in its low nibble and element `j + 16` in its high one.
@inline(__always)
private func decodeNibbles(_ quants: UnsafeRawPointer) -> WeightBlock {
    let lanes = quants.loadUnaligned(as: SIMD8<Int16>.self)
    let mask = SIMD8<Int16>(repeating: 0x0F)
    return (lanes & mask, (lanes &>> 8) & mask, (lanes &>> 4) & mask, (lanes &>> 12) & mask)
}

/// Q4_0: `d · (q − 8)` with 4-bit `q`.
enum Q4_0Blocks: QuantizedBlocks {
    static var blockBytes: Int { 18 }
    static var quantOffset: Int { 2 }
    static var hasMinimum: Bool { false }

    @inline(__always)
    static func decode(_ quants: UnsafeRawPointer) -> WeightBlock {
        let b = decodeNibbles(quants)
        let eight = SIMD8<Int16>(repeating: 8)
        return (b.0 &- eight, b.1 &- eight, b.2 &- eight, b.3 &- eight)
    }
}

/// Q4_1: `d · q + m` with 4-bit `q`.
enum Q4_1Blocks: QuantizedBlocks {
    static var blockBytes: Int { 20 }
    static var quantOffset: Int { 4 }
    static var hasMinimum: Bool { true }

    @inline(__always)
    static func decode(_ quants: UnsafeRawPointer) -> WeightBlock { decodeNibbles(quants) }
}

/// Q8_0: `d · q` with signed 8-bit `q`.
enum Q8_0Blocks: QuantizedBlocks {
    static var blockBytes: Int { 34 }
    static var quantOffset: Int { 2 }
    static var hasMinimum: Bool { false }

    @inline(__always)
    static func decode(_ quants: UnsafeRawPointer) -> WeightBlock {
        // Arithmetic shifts sign-extend each lane's low byte (even element) and high byte (odd element).
        let first = quants.loadUnaligned(as: SIMD8<Int16>.self)
        let second = quants.loadUnaligned(fromByteOffset: 16, as: SIMD8<Int16>.self)
        return ((first &<< 8) &>> 8, first &>> 8, (second &<< 8) &>> 8, second &>> 8)
    }
}
