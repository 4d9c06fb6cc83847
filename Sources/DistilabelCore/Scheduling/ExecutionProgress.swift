import Synchronization

/// Live counters of a run, per step: what the CLI's progress display reads.
public final class ExecutionProgress: Sendable {
    /// One step's counters.
    public struct StepProgress: Sendable, Hashable {
        public var name: String
        /// Batches computed in this run.
        public var batchesComputed = 0
        /// Batches reused from the cache.
        public var batchesReused = 0
        /// Batches that failed (the step threw) in this run.
        public var batchesFailed = 0
        /// Rows produced, computed or reused.
        public var rows = 0
        /// Whether the step has produced all its batches.
        public var finished = false
        /// The rows the pipeline's generators will produce in all, when they know it (a total for progress bars).
        public var expectedRows: Int?
        /// When the step computed its first batch in this run.
        public var startedAt: ContinuousClock.Instant?

        public init(name: String) {
            self.name = name
        }

        /// Computed rows per second since the step started, if it has.
        public func rate(now: ContinuousClock.Instant = .now, computedRows: Int) -> Double? {
            guard let startedAt else { return nil }
            let seconds = (now - startedAt) / .seconds(1)
            return seconds > 0 ? Double(computedRows) / seconds : nil
        }
    }

    private let state: Mutex<[String: StepProgress]>
    private let order: [String]

    public init(steps: [String]) {
        order = steps
        state = Mutex(Dictionary(uniqueKeysWithValues: steps.map { ($0, StepProgress(name: $0)) }))
    }

    /// A snapshot of every step's counters, in pipeline order.
    public var snapshot: [StepProgress] {
        let current = state.withLock { $0 }
        return order.compactMap { current[$0] }
    }

    func record(step: String, rows: Int, reused: Bool, failed: Bool) {
        state.withLock { state in
            var progress = state[step] ?? StepProgress(name: step)
            if reused {
                progress.batchesReused += 1
            } else {
                progress.batchesComputed += 1
                if progress.startedAt == nil { progress.startedAt = .now }
            }
            if failed { progress.batchesFailed += 1 }
            progress.rows += rows
            state[step] = progress
        }
    }

    /// Records what a generator announced it will produce, as the expected total of every step.
    func expect(rows: Int) {
        state.withLock { state in
            for name in Array(state.keys) {
                guard var progress = state[name] else { continue }
                progress.expectedRows = (progress.expectedRows ?? 0) + rows
                state[name] = progress
            }
        }
    }

    func finish(step: String) {
        state.withLock { $0[step]?.finished = true }
    }
}

/// A request to stop a run: generators stop producing, in-flight batches finish and are saved.
public final class StopSignal: Sendable {
    private let requested = Mutex(false)

    public init() {}

    /// Asks the run to stop after its in-flight batches.
    public func requestStop() {
        requested.withLock { $0 = true }
    }

    /// Whether a stop was requested.
    public var isRequested: Bool {
        requested.withLock { $0 }
    }
}
