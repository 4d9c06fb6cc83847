extension StepRunner {
    /// Produces the generator's batches in order, reusing saved ones; stops between batches when asked to.
    ///
    /// A generator that ``GeneratorStep/replaysBatches`` and is not a leaf saves only its batches' records: a
    /// reused batch is produced again, by the same generator, only if a successor needs its rows.
    func runGenerator() async throws -> StepOutcome {
        guard let generator = node.step as? any GeneratorStep else {
            throw PipelineError.stepFailed(step: node.name, message: "is not a generator step")
        }
        let saved = try await savedBatches()
        let size = node.options.batchSize
        let replays = generator.replaysBatches && sink == nil
        let source = GeneratorSource(generator, context: context(replica: 0), mappings: RowMappings(node.options))
        var announced = false
        if let total = await source.totalRows {
            progress.expect(rows: total)
            announced = true
        }
        var sequence = 0
        while true {
            if stop.isRequested { return .interrupted }
            let lineage = "generator:offset=\(sequence * size):size=\(size)"
            if let record = saved[sequence], record.lineage == lineage, record.status == .done {
                progress.record(step: node.name, rows: record.rowCount, reused: true, failed: false)
                try await emit(replays ? replayedHandle(record, source: source, size: size) : reusedHandle(record))
                if record.isLast { return .finished(batchCount: sequence + 1) }
                sequence += 1
                continue
            }
            if !announced {
                do { try await source.load() } catch let error as CancellationError { throw error } catch {
                    throw PipelineError.loadFailed(step: node.name, message: "\(error)")
                }
                if let total = await source.totalRows { progress.expect(rows: total) }
                announced = true
            }
            let batch: GeneratedBatch
            do {
                batch = try await source.batch(sequence: sequence, size: size)
            } catch let error as CancellationError {
                throw error
            } catch {
                throw PipelineError.generatorFailed(step: node.name, batch: sequence, message: "\(error)")
            }
            let version = (saved[sequence]?.version ?? -1) + 1
            let record = BatchRecord(
                sequence: sequence, status: .done, rowCount: batch.rows.count, version: version, lineage: lineage,
                isLast: batch.isLast)
            try await store.save(record, rows: replays ? [] : batch.rows, for: key)
            progress.record(step: node.name, rows: batch.rows.count, reused: false, failed: false)
            try await emit(
                BatchHandle(
                    step: node.name, sequence: sequence, identity: identity(sequence: sequence, version: version),
                    rows: batch.rows))
            if batch.isLast {
                await source.unload()
                return .finished(batchCount: sequence + 1)
            }
            sequence += 1
        }
    }

    /// A handle on a saved batch of a replaying generator: its rows are produced again when a successor needs them.
    private func replayedHandle(_ record: BatchRecord, source: GeneratorSource, size: Int) -> BatchHandle {
        let step = node.name
        let sequence = record.sequence
        return BatchHandle(
            step: step, sequence: sequence, identity: identity(sequence: sequence, version: record.version),
            rowCount: record.rowCount, origin: record.origin, closesOrigin: record.closesOrigin
        ) {
            do {
                return try await source.batch(sequence: sequence, size: size).rows
            } catch let error as CancellationError {
                throw error
            } catch {
                throw PipelineError.generatorFailed(step: step, batch: sequence, message: "\(error)")
            }
        }
    }
}
