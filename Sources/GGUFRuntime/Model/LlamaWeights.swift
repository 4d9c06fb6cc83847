/// The weights of one transformer block.
struct LlamaLayerWeights: Sendable {
    var attentionNorm: [Float]
    var query: WeightMatrix
    var key: WeightMatrix
    var value: WeightMatrix
    var attentionOutput: WeightMatrix
    var feedForwardNorm: [Float]
    var gate: WeightMatrix
    var up: WeightMatrix
    var down: WeightMatrix
}

/// All weights of a llama-family model, pointing into the mapped file (norm vectors are copied as floats).
struct LlamaWeights: Sendable {
    var tokenEmbedding: WeightMatrix
    var layers: [LlamaLayerWeights]
    var outputNorm: [Float]
    /// `output.weight`, or the token embedding when the model ties them.
    var output: WeightMatrix

    init(file: GGUFFile, hyperParameters hp: LlamaHyperParameters) throws(GGUFError) {
        func matrix(_ name: String, columns: Int, rows: Int) throws(GGUFError) -> WeightMatrix {
            let info = try file.tensor(named: name)
            guard info.shape == [columns, rows] else {
                throw .shapeMismatch(tensor: name, expected: [columns, rows], found: info.shape)
            }
            return try WeightMatrix(info, in: file)
        }
        func vector(_ name: String, length: Int) throws(GGUFError) -> [Float] {
            let info = try file.tensor(named: name)
            guard info.shape == [length] else {
                throw .shapeMismatch(tensor: name, expected: [length], found: info.shape)
            }
            return try WeightMatrix(info, in: file).row(0)
        }
        let dim = hp.embeddingLength
        let qDim = hp.headCount * hp.headDimension
        let kvDim = hp.keyValueDimension
        let ffn = hp.feedForwardLength
        tokenEmbedding = try matrix("token_embd.weight", columns: dim, rows: hp.vocabularySize)
        var layers: [LlamaLayerWeights] = []
        for i in 0..<hp.layerCount {
            let p = "blk.\(i)."
            layers.append(
                LlamaLayerWeights(
                    attentionNorm: try vector(p + "attn_norm.weight", length: dim),
                    query: try matrix(p + "attn_q.weight", columns: dim, rows: qDim),
                    key: try matrix(p + "attn_k.weight", columns: dim, rows: kvDim),
                    value: try matrix(p + "attn_v.weight", columns: dim, rows: kvDim),
                    attentionOutput: try matrix(p + "attn_output.weight", columns: qDim, rows: dim),
                    feedForwardNorm: try vector(p + "ffn_norm.weight", length: dim),
                    gate: try matrix(p + "ffn_gate.weight", columns: dim, rows: ffn),
                    up: try matrix(p + "ffn_up.weight", columns: dim, rows: ffn),
                    down: try matrix(p + "ffn_down.weight", columns: ffn, rows: dim)))
        }
        self.layers = layers
        outputNorm = try vector("output_norm.weight", length: dim)
        if file.tensorInfo(named: "output.weight") != nil {
            output = try matrix("output.weight", columns: dim, rows: hp.vocabularySize)
        } else {
            output = tokenEmbedding
        }
    }
}
