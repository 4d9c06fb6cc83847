/// A 2-D weight tensor in the mapped file, used in place: `rows` rows of `columns` values each, in one of the
/// supported ggml types.
///
/// Products with activations (``multiply(_:quantized:batch:into:rows:)``) decode one row at a time into a small buffer,
/// so no whole matrix is ever dequantized.
public struct WeightMatrix: @unchecked Sendable {
    // Sendable without a lock: `base` points into a read-only file mapping that the owning `GGUFFile` keeps
    // alive (see `owner`) and that nobody writes.

    /// The tensor's name.
    public let name: String
    /// The element type.
    public let type: GGMLType
    /// The number of rows (output features).
    public let rows: Int
    /// The length of a row (input features).
    public let columns: Int
    /// Bytes per row.
    let rowBytes: Int
    /// Blocks per row (`columns / 32` for quantized types).
    let blocksPerRow: Int
    let base: UnsafeRawPointer
    let owner: GGUFFile

    /// The tensor `info` of `file` as a matrix (a 1-D tensor is one row).
    ///
    /// Throws ``GGUFError/unsupportedTensorType(tensor:type:)`` for any type but F32, F16, Q8_0, Q4_0 and Q4_1.
    public init(_ info: GGUFTensorInfo, in file: GGUFFile) throws(GGUFError) {
        guard let layout = info.type.blockLayout else {
            throw .unsupportedTensorType(tensor: info.name, type: info.type.description)
        }
        guard info.shape.count <= 2 else {
            throw .invalidTensor(path: file.path, tensor: info.name, reason: "expected at most 2 dimensions")
        }
        name = info.name
        type = info.type
        columns = info.rowLength
        rows = info.rowCount
        blocksPerRow = columns / layout.elements
        rowBytes = blocksPerRow * layout.bytes
        base = try file.bytes(of: info).baseAddress!
        owner = file
    }

    /// Writes row `row`, dequantized, to `output` (`columns` floats).
    public func dequantizeRow(_ row: Int, into output: UnsafeMutablePointer<Float>) {
        let p = base + row * rowBytes
        switch type {
        case .f32:
            output.update(from: p.assumingMemoryBound(to: Float.self), count: columns)
        case .f16:
            for i in 0..<columns {
                output[i] = Half.slowToFloat(p.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
            }
        case .q8_0:
            for block in 0..<blocksPerRow {
                let b = p + block * 34
                let d = Half.toFloat(b.loadUnaligned(as: UInt16.self))
                for j in 0..<32 { output[block * 32 + j] = d * Float(b.load(fromByteOffset: 2 + j, as: Int8.self)) }
            }
        case .q4_0, .q4_1:
            let isQ41 = type == .q4_1
            let size = isQ41 ? 20 : 18
            for block in 0..<blocksPerRow {
                let b = p + block * size
                let d = Half.toFloat(b.loadUnaligned(as: UInt16.self))
                let m = isQ41 ? Half.toFloat(b.loadUnaligned(fromByteOffset: 2, as: UInt16.self)) : -8 * d
                let qs = b + (isQ41 ? 4 : 2)
                for j in 0..<16 {
                    let byte = qs.load(fromByteOffset: j, as: UInt8.self)
                    output[block * 32 + j] = d * Float(byte & 0x0F) + m
                    output[block * 32 + j + 16] = d * Float(byte >> 4) + m
                }
            }
        default:
            preconditionFailure("unsupported type \(type) passed the check in init")
        }
    }

    /// Row `row`, dequantized.
    public func row(_ row: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: columns) { buffer, count in
            dequantizeRow(row, into: buffer.baseAddress!)
            count = columns
        }
    }
}
