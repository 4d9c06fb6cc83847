/// Scratch buffers for one forward pass over up to `rowCapacity` token rows.
final class Workspace {
    let rowCapacity: Int
    let x: UnsafeMutablePointer<Float>
    let normed: UnsafeMutablePointer<Float>
    let query: UnsafeMutablePointer<Float>
    let key: UnsafeMutablePointer<Float>
    let value: UnsafeMutablePointer<Float>
    let attention: UnsafeMutablePointer<Float>
    let gate: UnsafeMutablePointer<Float>
    let up: UnsafeMutablePointer<Float>
    let projected: UnsafeMutablePointer<Float>
    /// The input of the current product, quantized for the integer kernels.
    let quantized: QuantizedActivations
    let arithmetic: ProductArithmetic
    let rope: UnsafeMutablePointer<Float>
    private var all: [UnsafeMutablePointer<Float>] = []

    init(hyperParameters hp: LlamaHyperParameters, rowCapacity: Int, arithmetic: ProductArithmetic) {
        self.rowCapacity = rowCapacity
        self.arithmetic = arithmetic
        let qDim = hp.headCount * hp.headDimension
        let widest = max(hp.embeddingLength, qDim, hp.feedForwardLength)
        var all: [UnsafeMutablePointer<Float>] = []
        func make(_ width: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: rowCapacity * width)
            p.initialize(repeating: 0, count: rowCapacity * width)
            all.append(p)
            return p
        }
        x = make(hp.embeddingLength)
        normed = make(widest)
        query = make(qDim)
        key = make(hp.keyValueDimension)
        value = make(hp.keyValueDimension)
        attention = make(qDim)
        gate = make(hp.feedForwardLength)
        up = make(hp.feedForwardLength)
        projected = make(hp.embeddingLength)
        quantized = .allocate(capacity: rowCapacity * widest)
        rope = make(hp.ropeDimensionCount)
        self.all = all
    }

    deinit {
        for p in all { p.deallocate() }
        quantized.deallocate()
    }
}
