import Dispatch
public import DistilabelCore
import Foundation
public import Logging
import Synchronization

/// Ctrl+C (SIGINT) and SIGTERM handling, scoped to one run: the first signal asks the run to stop taking new
/// batches and lets in-flight batches finish and be saved for up to `gracePeriod`, then cancels them (they are
/// computed again by the next run). A second signal exits the process at once; the cache is consistent anyway,
/// because every file in it is replaced atomically and records follow their data. The previous signal dispositions
/// are restored when `body` returns.
public enum GracefulStop {
    /// Which signal stopped a run.
    public enum Reason: Sendable, Equatable {
        case interrupt, terminate

        /// The conventional exit status: 130 for SIGINT, 143 for SIGTERM.
        public var exitStatus: Int32 { self == .interrupt ? 130 : 143 }
    }

    private final class State: Sendable {
        let reason = Mutex<Reason?>(nil)
    }

    /// Runs `body` with a ``StopSignal`` wired to SIGINT and SIGTERM; returns its result and the signal that
    /// stopped it, if any.
    public static func run<T: Sendable>(
        gracePeriod: Duration = .seconds(10), logger: Logger,
        _ body: @escaping @Sendable (StopSignal) async throws -> T
    ) async throws -> (result: T, stoppedBy: Reason?) {
        let stop = StopSignal()
        let state = State()
        let work = Task { try await body(stop) }
        let queue = DispatchQueue(label: "distilabel.signals")
        var sources: [any DispatchSourceSignal] = []
        let previous = [SIGINT, SIGTERM].map { ($0, signal($0, SIG_IGN)) }
        for (number, reason) in [(SIGINT, Reason.interrupt), (SIGTERM, Reason.terminate)] {
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                let first = state.reason.withLock { current -> Bool in
                    guard current == nil else { return false }
                    current = reason
                    return true
                }
                guard first else {
                    FileHandle.standardError.write(
                        Data("\nStopped at once. The cache is consistent: run again to resume.\n".utf8))
                    _exit(reason.exitStatus)
                }
                logger.warning(
                    "Stopping: no new batches; in-flight batches finish and are saved (up to \(gracePeriod)). Press Ctrl+C again to exit at once."
                )
                stop.requestStop()
                Task {
                    try? await Task.sleep(for: gracePeriod)
                    if !work.isCancelled {
                        logger.warning("Grace period over: cancelling the batches still in flight.")
                        work.cancel()
                    }
                }
            }
            source.resume()
            sources.append(source)
        }
        defer {
            for source in sources { source.cancel() }
            for (number, handler) in previous { signal(number, handler) }
        }
        do {
            let result = try await withTaskCancellationHandler {
                try await work.value
            } onCancel: {
                work.cancel()
            }
            return (result, state.reason.withLock { $0 })
        } catch {
            if let reason = state.reason.withLock({ $0 }) { throw RunStopped(reason: reason, underlying: "\(error)") }
            throw error
        }
    }
}

/// A run that a signal stopped before it could save cleanly (its grace period ran out).
public struct RunStopped: Error, Sendable, CustomStringConvertible {
    public var reason: GracefulStop.Reason
    public var underlying: String

    public var description: String {
        "The run was stopped by \(reason == .interrupt ? "Ctrl+C" : "SIGTERM"); what it finished is saved. Run again to resume."
    }
}
