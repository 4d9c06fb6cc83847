/// One token to run through the model: which sequence it extends, at which position.
struct ForwardRow {
    var cache: KVCache
    var token: Int32
    var position: Int
    var wantsLogits: Bool
}

extension LlamaModel {
    /// Runs `rows` (at most `workspace.rowCapacity`) through every layer and returns the logits of the rows that
    /// want them, in order.
    ///
    /// Rows of one sequence must have consecutive positions starting at its cache's length. Each weight matrix is
    /// read once for all rows.
    func forward(_ rows: [ForwardRow], workspace ws: Workspace) -> [[Float]] {
        let hp = hyperParameters
        let n = rows.count
        precondition(n > 0 && n <= ws.rowCapacity)
        let dim = hp.embeddingLength
        let kvDim = hp.keyValueDimension
        let qDim = hp.headCount * hp.headDimension
        let ffn = hp.feedForwardLength

        for (i, row) in rows.enumerated() {
            weights.tokenEmbedding.dequantizeRow(Int(row.token), into: ws.x + i * dim)
            row.cache.reserve(row.position + 1)
            // cos and sin of every rotated pair at this row's position, interleaved.
            let table = ws.rope + i * hp.ropeDimensionCount
            for (pair, frequency) in ropeFrequencies.enumerated() {
                let angle = Double(row.position) * frequency
                table[2 * pair] = Float(cos(angle))
                table[2 * pair + 1] = Float(sin(angle))
            }
        }

        for (layerIndex, layer) in weights.layers.enumerated() {
            Kernels.rmsNorm(
                ws.x, rows: n, width: dim, weight: layer.attentionNorm, epsilon: hp.rmsNormEpsilon, into: ws.normed)
            project(
                ws.normed, rows: n,
                [(layer.query, ws.query), (layer.key, ws.key), (layer.value, ws.value)], workspace: ws)
            for (i, row) in rows.enumerated() {
                let table = ws.rope + i * hp.ropeDimensionCount
                for h in 0..<hp.headCount {
                    Kernels.rope(ws.query + i * qDim + h * hp.headDimension, table: table, pairs: ropeFrequencies.count)
                }
                for h in 0..<hp.keyValueHeadCount {
                    Kernels.rope(ws.key + i * kvDim + h * hp.headDimension, table: table, pairs: ropeFrequencies.count)
                }
                row.cache.key(layer: layerIndex, position: row.position).update(from: ws.key + i * kvDim, count: kvDim)
                row.cache.value(layer: layerIndex, position: row.position).update(
                    from: ws.value + i * kvDim, count: kvDim)
            }
            attend(rows, layer: layerIndex, workspace: ws)
            project(ws.attention, rows: n, [(layer.attentionOutput, ws.projected)], workspace: ws)
            Kernels.add(ws.projected, to: ws.x, count: n * dim)

            Kernels.rmsNorm(
                ws.x, rows: n, width: dim, weight: layer.feedForwardNorm, epsilon: hp.rmsNormEpsilon, into: ws.normed)
            project(ws.normed, rows: n, [(layer.gate, ws.gate), (layer.up, ws.up)], workspace: ws)
            Kernels.swiglu(ws.gate, ws.up, count: n * ffn)
            project(ws.gate, rows: n, [(layer.down, ws.projected)], workspace: ws)
            Kernels.add(ws.projected, to: ws.x, count: n * dim)
        }
        for row in rows { row.cache.length = max(row.cache.length, row.position + 1) }

        // Final norm and output projection, only for the rows that want logits.
        var selected = 0
        for (i, row) in rows.enumerated() where row.wantsLogits {
            (ws.x + selected * dim).update(from: ws.x + i * dim, count: dim)
            selected += 1
        }
        guard selected > 0 else { return [] }
        Kernels.rmsNorm(
            ws.x, rows: selected, width: dim, weight: weights.outputNorm, epsilon: hp.rmsNormEpsilon, into: ws.normed)
        let vocab = hp.vocabularySize
        let logits = UnsafeMutablePointer<Float>.allocate(capacity: selected * vocab)
        defer { logits.deallocate() }
        project(ws.normed, rows: selected, [(weights.output, logits)], workspace: ws)
        return (0..<selected).map { Array(UnsafeBufferPointer(start: logits + $0 * vocab, count: vocab)) }
    }

    /// `outputs[j].1 = outputs[j].0 · input` for `rows` input rows, all matrices split across cores together.
    private func project(
        _ input: UnsafeMutablePointer<Float>, rows: Int, _ outputs: [(WeightMatrix, UnsafeMutablePointer<Float>)],
        workspace ws: Workspace
    ) {
        let columns = outputs[0].0.columns
        let integer = ws.arithmetic == .integer && columns % 32 == 0
        if integer {
            ws.quantized.quantize(input, count: rows * columns)
        }
        let total = outputs.reduce(0) { $0 + $1.0.rows }
        let x = UnsafePointer(input)
        let quantized = integer ? ws.quantized : nil
        Parallel.forEachSlice(count: total, minimumSlice: 16) { slice in
            var start = 0
            for (matrix, y) in outputs {
                let part = slice.clamped(to: start..<start + matrix.rows)
                if !part.isEmpty {
                    matrix.multiply(
                        x, quantized: quantized, batch: rows, into: y,
                        rows: part.lowerBound - start..<part.upperBound - start)
                }
                start += matrix.rows
            }
        }
    }

    /// Grouped-query attention of every row over its sequence's cache, positions `0...row.position`.
    private func attend(_ rows: [ForwardRow], layer: Int, workspace ws: Workspace) {
        let hp = hyperParameters
        let headDim = hp.headDimension
        let qDim = hp.headCount * headDim
        let kvDim = hp.keyValueDimension
        let group = hp.headCount / hp.keyValueHeadCount
        let scale = 1 / Float(headDim).squareRoot()
        let maxLength = rows.map { $0.position + 1 }.max() ?? 1
        let work = rows.reduce(0) { $0 + $1.position + 1 } * hp.headCount
        let query = UnsafePointer(ws.query)
        let output = ws.attention
        let body = { (slice: Range<Int>) in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: maxLength) { scoresBuffer in
                let scores = scoresBuffer.baseAddress!
                for item in slice {
                    let i = item / hp.headCount
                    let h = item % hp.headCount
                    let row = rows[i]
                    let length = row.position + 1
                    let q = query + i * qDim + h * headDim
                    let offset = (h / group) * headDim
                    for t in 0..<length {
                        scores[t] =
                            Kernels.dot(q, row.cache.key(layer: layer, position: t) + offset, count: headDim)
                            * scale
                    }
                    Kernels.softmax(scores, count: length)
                    let out = output + i * qDim + h * headDim
                    out.update(repeating: 0, count: headDim)
                    for t in 0..<length {
                        Kernels.addScaled(
                            row.cache.value(layer: layer, position: t) + offset, scores[t], to: out, count: headDim)
                    }
                }
            }
        }
        if work * headDim < 1 << 16 {
            body(0..<rows.count * hp.headCount)
        } else {
            Parallel.forEachSlice(count: rows.count * hp.headCount, minimumSlice: 1, body)
        }
        _ = kvDim
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
