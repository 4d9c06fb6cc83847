import Foundation
import GGUFRuntime
import Testing

/// Dequantization and products against `model_facts.json`'s raw blocks and float64 checksums.
@Suite(.enabled(if: TestModel.available))
struct DequantizationTests {
    let checks: [String: Any]
    init() throws {
        checks = try #require(try TestModel.json("model_facts.json")["dequant_checks"] as? [String: Any])
    }

    @Test func rawBlocksDequantizeExactly() throws {
        let file = try TestModel.openFile()
        let blocks = try #require(checks["blocks"] as? [[String: Any]])
        #expect(blocks.count == 2)
        for block in blocks {
            let name = try #require(block["tensor"] as? String)
            let info = try file.tensor(named: name)
            #expect(info.type.description == block["ggml_type"] as? String)
            let hex = try #require(block["raw_block_hex"] as? String)
            let raw = try file.bytes(of: info).prefix(hex.count / 2)
            #expect(raw.map { String(format: "%02x", $0) }.joined() == hex, "raw bytes of \(name)")
            let expected = try #require(block["dequantized"] as? [Double]).map { Float($0) }
            let row = try WeightMatrix(info, in: file).row(0)
            #expect(Array(row.prefix(32)) == expected, "block 0 of \(name)")
        }
    }

    @Test func wholeTensorChecksumsMatch() throws {
        let file = try TestModel.openFile()
        let checksums = try #require(checks["checksums"] as? [[String: Any]])
        #expect(checksums.count == 5)
        for checksum in checksums {
            let name = try #require(checksum["tensor"] as? String)
            let matrix = try WeightMatrix(try file.tensor(named: name), in: file)
            var sum = 0.0
            var squares = 0.0
            for r in 0..<matrix.rows {
                for value in matrix.row(r) {
                    sum += Double(value)
                    squares += Double(value) * Double(value)
                }
            }
            let expectedSum = try #require(checksum["sum"] as? Double)
            let expectedSquares = try #require(checksum["sum_of_squares"] as? Double)
            #expect(abs(sum - expectedSum) <= 1e-6 * max(1, abs(expectedSum)), "sum of \(name): \(sum)")
            #expect(abs(squares - expectedSquares) <= 1e-6 * expectedSquares, "sum of squares of \(name): \(squares)")
            let first4 = try #require(checksum["row0_first4"] as? [Double]).map { Float($0) }
            #expect(Array(matrix.row(0).prefix(4)) == first4)
        }
    }

    @Test(arguments: ["blk.0.attn_q.weight", "blk.3.ffn_down.weight", "token_embd.weight", "output_norm.weight"])
    func productsEqualDotProductsOfDequantizedRows(name: String) throws {
        let file = try TestModel.openFile()
        let matrix = try WeightMatrix(try file.tensor(named: name), in: file)
        try expectProductsMatchDequantized(matrix, rowsToCheck: min(matrix.rows, 200))
    }
}

/// Checks `WeightMatrix.products`, integer and float, for batches of 1, 3, 4 and 9 against float64 dot products with dequantized rows.
func expectProductsMatchDequantized(_ matrix: WeightMatrix, rowsToCheck: Int) throws {
    var generator = SystemRandomNumberGenerator()
    for batch in [1, 3, 4, 9] {
        let x = (0..<batch * matrix.columns).map { _ in Float.random(in: -1...1, using: &generator) }
        let rows = 0..<rowsToCheck
        let integer = matrix.products(x, batch: batch, rows: rows)
        let float = matrix.products(x, batch: batch, rows: rows, arithmetic: .float)
        // The integer kernels round each activation to 1/32767 of its 32-value block's largest magnitude, so they
        // may differ by half of that per element, weighted by |w|.
        let largest = stride(from: 0, to: x.count, by: 32).map { Double(x[$0..<min(x.count, $0 + 32)].map(abs).max()!) }
        let quantized = matrix.type.description.hasPrefix("Q")
        for r in rows {
            let w = matrix.row(r)
            for b in 0..<batch {
                var expected = 0.0
                var magnitude = 0.0
                var quantization = 0.0
                for c in 0..<matrix.columns {
                    let v = Double(x[b * matrix.columns + c])
                    expected += Double(w[c]) * v
                    magnitude += abs(Double(w[c]) * v)
                    quantization += abs(Double(w[c])) * largest[(b * matrix.columns + c) / 32] / 32767 / 2
                }
                let index = b * rowsToCheck + r
                #expect(
                    abs(Double(float[index]) - expected) <= 1e-5 * magnitude + 1e-6,
                    "\(matrix.name) row \(r) vector \(b), float")
                let bound = (quantized ? quantization : 0) + 1e-5 * magnitude + 1e-6
                #expect(
                    abs(Double(integer[index]) - expected) <= bound, "\(matrix.name) row \(r) vector \(b), integer")
            }
        }
    }
}
