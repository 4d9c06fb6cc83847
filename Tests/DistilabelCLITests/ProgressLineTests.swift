import Distilabel
import Testing

@testable import DistilabelCLI

/// The progress line of one step: rows done/total, rate, ETA.
struct ProgressLineTests {
    static func step(rows: Int, startedSecondsAgo: Int?, now: ContinuousClock.Instant) -> ExecutionProgress.StepProgress
    {
        var step = ExecutionProgress(steps: ["generate"]).snapshot[0]
        step.rows = rows
        step.startedAt = startedSecondsAgo.map { now - .seconds($0) }
        return step
    }

    @Test func aRunningStepShowsRateAndETA() {
        let now = ContinuousClock.now
        let line = ProgressReporter.line(
            for: Self.step(rows: 50, startedSecondsAgo: 10, now: now), total: 100, now: now)
        #expect(line.hasPrefix("generate "))
        #expect(line.hasSuffix("50/100 rows  5.0 rows/s  ETA 10s"))
    }

    @Test func aStepWithNoKnownTotalShowsRowsAndRate() {
        let now = ContinuousClock.now
        let line = ProgressReporter.line(for: Self.step(rows: 30, startedSecondsAgo: 3, now: now), total: nil, now: now)
        #expect(line.hasSuffix("30 rows  10.0 rows/s"))
    }

    @Test func aFinishedStepSaysDone() {
        let now = ContinuousClock.now
        var step = Self.step(rows: 8, startedSecondsAgo: nil, now: now)
        step.finished = true
        step.batchesReused = 2
        #expect(ProgressReporter.line(for: step, total: 8, now: now).hasSuffix("8/8 rows  2 batches from cache  done"))
    }
}
