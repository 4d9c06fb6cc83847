import Distilabel
import Foundation

/// Shows a run's progress on standard error: on a terminal, one live line per step (rows done/total, rate, ETA),
/// redrawn in place; otherwise a plain log line per step every `DISTILABEL_PROGRESS_INTERVAL` seconds (default 10).
actor ProgressReporter {
    private let progress: ExecutionProgress
    private let totals: [String: Int]
    /// Steps that may use the total the engine announces (the pipeline has one generator).
    private let announcedTotalSteps: Set<String>
    private let isTerminal: Bool
    private let interval: Duration
    private let started = ContinuousClock.now
    private var drawnLines = 0

    init(progress: ExecutionProgress, pipeline: Pipeline, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.progress = progress
        self.totals = Self.knownTotals(pipeline)
        let generators = pipeline.nodes.filter { $0.kind == .generator }.count
        self.announcedTotalSteps = generators == 1 ? Self.countableSteps(pipeline) : []
        self.isTerminal = isTerminal
        let seconds = ProcessInfo.processInfo.environment["DISTILABEL_PROGRESS_INTERVAL"].flatMap(Double.init) ?? 10
        self.interval = isTerminal ? .milliseconds(250) : .milliseconds(Int(max(0.05, seconds) * 1000))
    }

    /// The steps whose row count equals their generator's: generators, and the one-row-in-one-row-out steps after
    /// them (not after routing, expansion or ungrouped generations).
    static func countableSteps(_ pipeline: Pipeline) -> Set<String> {
        var countable: Set<String> = []
        for name in pipeline.topologicalOrder {
            guard let node = pipeline.node(name) else { continue }
            if node.kind == .generator {
                countable.insert(name)
                continue
            }
            let predecessors = pipeline.predecessors(of: name)
            guard !predecessors.isEmpty, predecessors.allSatisfy(countable.contains),
                pipeline.routingSource(of: name) == nil, !pipeline.isConvergence(name), !(node.step is ExpandColumns)
            else { continue }
            if let task = node.step as? any LLMTask, task.numGenerations > 1, !task.groupGenerations { continue }
            countable.insert(name)
        }
        return countable
    }

    /// Each countable step's total when its generators' sizes are known before running (inline data).
    static func knownTotals(_ pipeline: Pipeline) -> [String: Int] {
        let countable = countableSteps(pipeline)
        var totals: [String: Int] = [:]
        for name in pipeline.topologicalOrder where countable.contains(name) {
            guard let node = pipeline.node(name) else { continue }
            if let generator = node.step as? any GeneratorStep {
                if let dicts = generator as? LoadDataFromDicts { totals[name] = dicts.data.count }
                continue
            }
            let known = pipeline.predecessors(of: name).compactMap { totals[$0] }
            if known.count == pipeline.predecessors(of: name).count, let smallest = known.min() {
                totals[name] = smallest
            }
        }
        return totals
    }

    /// Reports until cancelled.
    func run() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            report()
        }
    }

    /// Draws the final state once more (on a terminal).
    func finish() {
        if isTerminal { report() }
    }

    private func report() {
        let now = ContinuousClock.now
        let lines = progress.snapshot.map { step in
            let announced = announcedTotalSteps.contains(step.name) ? step.expectedRows : nil
            return Self.line(for: step, total: totals[step.name] ?? announced, now: now)
        }
        var text = ""
        if isTerminal {
            if drawnLines > 0 { text += "\u{1B}[\(drawnLines)A" }
            for line in lines { text += "\u{1B}[2K\(line)\n" }
            drawnLines = lines.count
        } else {
            let elapsed = Int((now - started) / .seconds(1))
            for line in lines { text += "[progress \(elapsed)s] \(line)\n" }
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// One step's line: `generate  120/500 rows  35.2 rows/s  ETA 11s`.
    static func line(for step: ExecutionProgress.StepProgress, total: Int?, now: ContinuousClock.Instant) -> String {
        var parts = [step.name.padding(toLength: max(step.name.count, 24), withPad: " ", startingAt: 0)]
        parts.append(total.map { "\(step.rows)/\($0) rows" } ?? "\(step.rows) rows")
        if step.batchesReused > 0 { parts.append("\(step.batchesReused) batches from cache") }
        if step.batchesFailed > 0 { parts.append("\(step.batchesFailed) failed batches") }
        if step.finished {
            parts.append("done")
        } else if let rate = step.rate(now: now, computedRows: step.rows), rate > 0 {
            parts.append(String(format: "%.1f rows/s", rate))
            if let total, total > step.rows {
                parts.append("ETA \(Int((Double(total - step.rows) / rate).rounded(.up)))s")
            }
        }
        return parts.joined(separator: "  ")
    }
}
