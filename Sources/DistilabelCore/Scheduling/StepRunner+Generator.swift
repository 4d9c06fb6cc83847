extension StepRunner {
    /// Produces the generator's batches in order, reusing saved ones; stops between batches when asked to.
    func runGenerator() async throws -> StepOutcome {
        guard var generator = node.step as? any GeneratorStep else {
            throw PipelineError.stepFailed(step: node.name, message: "is not a generator step")
        }
        let saved = try await savedBatches()
        let size = node.options.batchSize
        let mappings = RowMappings(node.options)
        let context = context(replica: 0)
        var loaded = false
        var announced = false
        if let total = generator.totalRows {
            progress.expect(rows: total)
            announced = true
        }
        var sequence = 0
        while true {
            if stop.isRequested { return .interrupted }
            let lineage = "generator:offset=\(sequence * size):size=\(size)"
            if let record = saved[sequence], record.lineage == lineage, record.status == .done {
                progress.record(step: node.name, rows: record.rowCount, reused: true, failed: false)
                try await emit(reusedHandle(record))
                if record.isLast { return .finished(batchCount: sequence + 1) }
                sequence += 1
                continue
            }
            if !loaded {
                try await generator.load(context: context)
                loaded = true
                if !announced, let total = generator.totalRows {
                    progress.expect(rows: total)
                    announced = true
                }
            }
            let batch: GeneratedBatch
            do {
                batch = try await generator.batch(offset: sequence * size, size: size, context: context)
            } catch let error as CancellationError {
                throw error
            } catch {
                throw PipelineError.generatorFailed(step: node.name, batch: sequence, message: "\(error)")
            }
            let rows = mappings.isIdentity ? batch.rows : batch.rows.map { mappings.applyOutput($0, overridden: Row()) }
            let version = (saved[sequence]?.version ?? -1) + 1
            let record = BatchRecord(
                sequence: sequence, status: .done, rowCount: rows.count, version: version, lineage: lineage,
                isLast: batch.isLast)
            try await store.save(record, rows: rows, for: key)
            progress.record(step: node.name, rows: rows.count, reused: false, failed: false)
            try await emit(
                BatchHandle(
                    step: node.name, sequence: sequence, identity: identity(sequence: sequence, version: version),
                    rows: rows))
            if batch.isLast {
                if loaded { await generator.unload() }
                return .finished(batchCount: sequence + 1)
            }
            sequence += 1
        }
    }
}
