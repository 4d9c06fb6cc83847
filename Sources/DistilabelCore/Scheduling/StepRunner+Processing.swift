import Synchronization

/// An input batch waiting for a replica, with what is known of its earlier computations.
private struct WorkItem: Sendable {
    let input: InputBatch
    let lineage: String
    let previousVersion: Int?
}

extension StepRunner {
    /// Runs a processing step: a dispatcher cuts input batches and reuses saved ones, `replicas` workers compute
    /// the others concurrently, and this task emits every output batch in sequence order.
    func runProcessing() async throws -> StepOutcome {
        let saved = try await savedBatches()
        let replicas = node.options.replicas
        let work = BoundedChannel<WorkItem>(capacity: replicas)
        let results = BoundedChannel<BatchHandle>(capacity: max(8, replicas * 4))
        let producersLeft = Countdown(replicas + 1)
        @Sendable func producerDone(failed: Bool) {
            if failed {
                results.finish(.interrupted)
                work.finish(.interrupted)
                return
            }
            if producersLeft.decrement() { results.finish() }
        }

        return try await withThrowingTaskGroup(of: Bool?.self) { group in
            group.addTask {
                do {
                    let interrupted = try await dispatch(saved: saved, work: work, results: results)
                    work.finish()
                    producerDone(failed: false)
                    return interrupted
                } catch {
                    producerDone(failed: true)
                    throw error
                }
            }
            for replica in 0..<replicas {
                group.addTask {
                    do {
                        try await runWorker(replica: replica, work: work, results: results)
                        producerDone(failed: false)
                        return nil
                    } catch {
                        producerDone(failed: true)
                        throw error
                    }
                }
            }
            var pending: [Int: BatchHandle] = [:]
            var nextSequence = 0
            while let batch = try await results.receive() {
                pending[batch.sequence] = batch
                while let ready = pending.removeValue(forKey: nextSequence) {
                    try await emit(ready)
                    nextSequence += 1
                }
            }
            var interrupted = false
            while let outcome = try await group.next() {
                if let outcome { interrupted = outcome }
            }
            guard pending.isEmpty else {
                throw PipelineError.stepFailed(
                    step: node.name, message: "batches \(pending.keys.sorted()) were never emitted")
            }
            return interrupted ? .interrupted : .finished(batchCount: nextSequence)
        }
    }

    /// Cuts input batches; reused ones go straight to `results`, the others to the workers. Returns whether the
    /// run was interrupted.
    private func dispatch(
        saved: [Int: BatchRecord], work: BoundedChannel<WorkItem>, results: BoundedChannel<BatchHandle>
    ) async throws -> Bool {
        var assembler = makeAssembler()
        while true {
            switch try await assembler.next() {
            case .end:
                return false
            case .interrupted:
                return true
            case .batch(let input):
                if stop.isRequested && node.kind != .global {
                    // This run takes no new batches; whatever upstream still sends is dropped (and redone by the
                    // next run, from what upstream saved).
                    for input in inputs { input.closeForReceiving() }
                    return true
                }
                let lineage = input.lineage
                let record = saved[input.sequence]
                if let record, record.lineage == lineage, record.status == .done {
                    progress.record(step: node.name, rows: record.rowCount, reused: true, failed: false)
                    try await results.send(reusedHandle(record))
                } else {
                    let previous = record?.version
                    try await work.send(WorkItem(input: input, lineage: lineage, previousVersion: previous))
                }
            }
        }
    }

    private func runWorker(
        replica: Int, work: BoundedChannel<WorkItem>, results: BoundedChannel<BatchHandle>
    ) async throws {
        var step: (any ProcessingStep)?
        let context = context(replica: replica)
        while let item = try await work.receive() {
            if step == nil {
                guard var fresh = node.step as? any ProcessingStep else {
                    throw PipelineError.stepFailed(step: node.name, message: "is not a processing step")
                }
                do {
                    try await fresh.load(context: context)
                } catch let error as CancellationError {
                    throw error
                } catch {
                    throw PipelineError.loadFailed(step: node.name, message: "\(error)")
                }
                step = fresh
            }
            try await results.send(try await compute(item, step: step!, context: context))
        }
        if let step { await step.unload() }
    }

    private func compute(_ item: WorkItem, step: any ProcessingStep, context: StepContext) async throws -> BatchHandle {
        let mappings = RowMappings(node.options)
        let parts = try await item.input.rows()
        var overridden: [Row] = []
        var mapped = parts
        if !mappings.input.isEmpty {
            mapped = parts.enumerated().map { index, rows in
                rows.map { row in
                    let (renamed, hidden) = mappings.applyInput(row)
                    if index == 0 && parts.count == 1 { overridden.append(hidden) }
                    return renamed
                }
            }
        }
        var status = BatchRecord.Status.done
        var output: [Row]
        if item.input.rowCount == 0 && node.kind != .global {
            output = []
        } else {
            do {
                output = try await step.process(mapped, context: context)
            } catch let error as CancellationError {
                throw error
            } catch {
                if node.kind == .global { throw PipelineError.stepFailed(step: node.name, message: "\(error)") }
                context.logger.warning(
                    "Batch \(item.input.sequence) of step '\(node.name)' failed: \(error). Its rows go on with null outputs; the batch is recorded as failed and will be retried by the next run."
                )
                status = .failed
                output = mapped.flatMap { $0 }.map { failedRow($0, step: step, error: error) }
            }
        }
        if !mappings.isIdentity {
            output = output.enumerated().map { index, row in
                mappings.applyOutput(row, overridden: overridden.isEmpty ? Row() : overridden[index % overridden.count])
            }
        }
        let version = (item.previousVersion ?? -1) + 1
        let record = BatchRecord(
            sequence: item.input.sequence, status: status, rowCount: output.count, version: version,
            lineage: item.lineage, origin: item.input.origin, closesOrigin: item.input.closesOrigin)
        try await store.save(record, rows: output, for: key)
        progress.record(step: node.name, rows: output.count, reused: false, failed: status == .failed)
        return BatchHandle(
            step: node.name, sequence: item.input.sequence,
            identity: identity(sequence: item.input.sequence, version: version),
            rows: output, origin: item.input.origin, closesOrigin: item.input.closesOrigin)
    }

    /// The row a failed batch passes on: its input with the step's outputs null and the error in the metadata.
    private func failedRow(_ row: Row, step: any ProcessingStep, error: any Error) -> Row {
        var result = row
        for output in step.outputs { result[output] = .null }
        var metadata = result[MetadataColumn.name]?.structValue ?? Row()
        metadata["error_\(node.name)"] = .string("\(error)")
        result[MetadataColumn.name] = .struct(metadata)
        return result
    }
}

/// The `distilabel_metadata` column: raw LLM inputs and outputs, statistics and errors, per step.
public enum MetadataColumn {
    public static let name = "distilabel_metadata"
}

/// A counter shared by tasks; `decrement` tells the task that brings it to zero.
private final class Countdown: Sendable {
    private let count: Mutex<Int>

    init(_ count: Int) {
        self.count = Mutex(count)
    }

    /// Decrements the count; true for the call that reaches zero.
    func decrement() -> Bool {
        count.withLock { count in
            count -= 1
            return count == 0
        }
    }
}
