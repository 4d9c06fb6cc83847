/// Where one tensor lives in a GGUF file, and its type and shape.
public struct GGUFTensorInfo: Sendable, Hashable {
    /// The tensor's name, such as `blk.0.attn_q.weight`.
    public let name: String
    /// The element type.
    public let type: GGMLType
    /// The shape in ggml order: `shape[0]` is the fastest-varying dimension (a row's length). A weight with shape
    /// `[in, out]` is a row-major `out × in` matrix.
    public let shape: [Int]
    /// The byte offset of the tensor's data, relative to the start of the data section.
    public let offset: Int
    /// The size of the tensor's data in bytes, or nil for a type whose block layout this runtime does not know.
    public let byteCount: Int?

    /// The number of elements.
    public var elementCount: Int { shape.reduce(1, *) }
    /// The length of one row (`shape[0]`).
    public var rowLength: Int { shape.first ?? 1 }
    /// The number of rows (the product of every dimension but the first).
    public var rowCount: Int { shape.dropFirst().reduce(1, *) }
}
