/// A ggml tensor element type, identified by its id in the GGUF file.
///
/// Every id the file may hold is representable, so a file with types this runtime cannot compute with still
/// opens; ``isSupported`` says which ones run.
public struct GGMLType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let f32 = GGMLType(rawValue: 0)
    public static let f16 = GGMLType(rawValue: 1)
    public static let q4_0 = GGMLType(rawValue: 2)
    public static let q4_1 = GGMLType(rawValue: 3)
    public static let q8_0 = GGMLType(rawValue: 8)

    private static let names: [UInt32: String] = [
        0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0", 9: "Q8_1", 10: "Q2_K",
        11: "Q3_K", 12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 15: "Q8_K", 16: "IQ2_XXS", 17: "IQ2_XS", 18: "IQ3_XXS",
        19: "IQ1_S", 20: "IQ4_NL", 21: "IQ3_S", 22: "IQ2_S", 23: "IQ4_XS", 24: "I8", 25: "I16", 26: "I32",
        27: "I64", 28: "F64", 29: "IQ1_M", 30: "BF16", 34: "TQ1_0", 35: "TQ2_0", 39: "MXFP4",
    ]

    /// The ggml name (`Q4_1`, `F32`…), or `type N` for an id this runtime does not know.
    public var description: String { Self.names[rawValue] ?? "type \(rawValue)" }

    /// Whether this runtime can dequantize and multiply tensors of this type.
    public var isSupported: Bool { blockLayout != nil }

    /// Elements per block and bytes per block, for the supported types.
    public var blockLayout: (elements: Int, bytes: Int)? {
        switch self {
        case .f32: return (1, 4)
        case .f16: return (1, 2)
        case .q4_0: return (32, 18)
        case .q4_1: return (32, 20)
        case .q8_0: return (32, 34)
        default: return nil
        }
    }
}
