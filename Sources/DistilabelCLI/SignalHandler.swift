import Dispatch
import Distilabel
import Foundation
import Logging
import Synchronization

/// Turns SIGINT and SIGTERM into a graceful stop: the first asks the run to stop after its in-flight batches (which
/// are saved); a second one ends the process at once (still resumable: saved batches are durable).
final class SignalHandler: Sendable {
    private let stop: StopSignal
    private let logger: Logger
    private let firstSignal = Mutex<Int32?>(nil)

    init(stop: StopSignal, logger: Logger) {
        self.stop = stop
        self.logger = logger
    }

    /// The first signal received, if any.
    var received: Int32? { firstSignal.withLock { $0 } }

    /// Starts handling SIGINT and SIGTERM; pass the result to ``uninstall(_:)``.
    func install() -> [any DispatchSourceSignal] {
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in handle(number) }
            source.resume()
            sources.append(source)
        }
        return sources
    }

    /// Restores the default handling.
    func uninstall(_ sources: [any DispatchSourceSignal]) {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    private func handle(_ number: Int32) {
        let first = firstSignal.withLock { received -> Bool in
            guard received == nil else { return false }
            received = number
            return true
        }
        if first {
            logger.warning("Stopping: waiting for the batches in flight to be saved (signal again to quit now)")
            stop.requestStop()
        } else {
            exit(128 + number)
        }
    }
}
