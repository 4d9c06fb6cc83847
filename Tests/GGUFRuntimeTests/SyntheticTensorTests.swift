import Foundation
import GGUFRuntime
import Testing

/// Tensor types the SmolLM2 file does not use (Q4_0, F16) and all supported ones, in a GGUF file written here.
struct SyntheticTensorTests {
    /// A random half with a modest exponent, and its value.
    static func randomHalf(_ g: inout some RandomNumberGenerator) -> (bits: UInt16, value: Float) {
        let bits =
            UInt16.random(in: 0...1, using: &g) << 15 | UInt16.random(in: 9...14, using: &g) << 10
            | UInt16.random(in: 0..<1024, using: &g)
        return (bits, Float(Float16(bitPattern: bits)))
    }

    /// Bytes of `rows × 64` values of `type`, and the values they hold by the ggml definitions.
    static func tensor(_ type: String, rows: Int, _ g: inout some RandomNumberGenerator) -> ([UInt8], [Float]) {
        var bytes: [UInt8] = []
        var values: [Float] = []
        func half(_ bits: UInt16) { bytes += [UInt8(bits & 0xFF), UInt8(bits >> 8)] }
        for _ in 0..<rows * 2 {  // two 32-value blocks per row
            switch type {
            case "F16":
                for _ in 0..<32 {
                    let h = randomHalf(&g)
                    half(h.bits)
                    values.append(h.value)
                }
            case "F32":
                for _ in 0..<32 {
                    let f = Float.random(in: -2...2, using: &g)
                    bytes += withUnsafeBytes(of: f.bitPattern.littleEndian, Array.init)
                    values.append(f)
                }
            case "Q8_0":
                let d = randomHalf(&g)
                half(d.bits)
                for _ in 0..<32 {
                    let q = Int8.random(in: -128...127, using: &g)
                    bytes.append(UInt8(bitPattern: q))
                    values.append(d.value * Float(q))
                }
            default:  // Q4_0, Q4_1
                let d = randomHalf(&g)
                half(d.bits)
                var m: Float = 0
                if type == "Q4_1" {
                    let h = randomHalf(&g)
                    half(h.bits)
                    m = h.value
                }
                let qs = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
                bytes += qs
                var block = [Float](repeating: 0, count: 32)
                for j in 0..<16 {
                    let (lo, hi) = (Float(qs[j] & 0xF), Float(qs[j] >> 4))
                    block[j] = type == "Q4_1" ? d.value * lo + m : (lo - 8) * d.value
                    block[j + 16] = type == "Q4_1" ? d.value * hi + m : (hi - 8) * d.value
                }
                values += block
            }
        }
        return (bytes, values)
    }

    static let types: [(name: String, id: UInt32)] = [("F32", 0), ("F16", 1), ("Q4_0", 2), ("Q4_1", 3), ("Q8_0", 8)]

    /// Writes a GGUF v3 file holding one `rows × 64` tensor per type, named after the type.
    static func writeFile(rows: Int) throws -> (path: String, values: [String: [Float]]) {
        var g = SystemRandomNumberGenerator()
        func u32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
        func u64(_ v: UInt64) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
        func string(_ s: String) -> [UInt8] { u64(UInt64(s.utf8.count)) + Array(s.utf8) }
        var header = Array("GGUF".utf8) + u32(3) + u64(UInt64(types.count)) + u64(1)
        header += string("general.architecture") + u32(8) + string("test")
        var data: [UInt8] = []
        var values: [String: [Float]] = [:]
        for (name, id) in types {
            let (bytes, expected) = tensor(name, rows: rows, &g)
            header += string(name) + u32(2) + u64(64) + u64(UInt64(rows)) + u32(id) + u64(UInt64(data.count))
            data += bytes
            while data.count % 32 != 0 { data.append(0) }
            values[name] = expected
        }
        while header.count % 32 != 0 { header.append(0) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("synthetic-\(UUID()).gguf").path
        try Foundation.Data(header + data).write(to: URL(fileURLWithPath: path))
        return (path, values)
    }

    @Test func everySupportedTypeDequantizesAndMultiplies() throws {
        let (path, values) = try Self.writeFile(rows: 5)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try GGUFFile(path: path)
        #expect(file.tensors.count == Self.types.count)
        for (name, _) in Self.types {
            let info = try file.tensor(named: name)
            #expect(info.type.description == name)
            #expect(info.shape == [64, 5])
            let matrix = try WeightMatrix(info, in: file)
            let expected = try #require(values[name])
            for r in 0..<5 {
                #expect(matrix.row(r) == Array(expected[r * 64..<(r + 1) * 64]), "\(name) row \(r)")
            }
            try expectProductsMatchDequantized(matrix, rowsToCheck: 5)
        }
    }

    @Test func nonFiniteActivationsGiveNaNInBothArithmetics() throws {
        let (path, _) = try Self.writeFile(rows: 2)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try GGUFFile(path: path)
        for (name, _) in Self.types {
            let matrix = try WeightMatrix(try file.tensor(named: name), in: file)
            for bad in [Float.nan, .infinity] {
                // The bad value sits in the second block of the first vector; the second vector is ordinary.
                var x = (0..<128).map { Float($0 % 7) - 3 }
                x[40] = bad
                for arithmetic in [ProductArithmetic.integer, .float] {
                    let y = matrix.products(x, batch: 2, rows: 0..<2, arithmetic: arithmetic)
                    #expect(y[0...1].allSatisfy { !$0.isFinite }, "\(name), \(arithmetic), \(bad): \(y)")
                    #expect(y[2].isFinite && y[3].isFinite, "\(name), \(arithmetic): the other vector")
                }
            }
        }
    }
}
