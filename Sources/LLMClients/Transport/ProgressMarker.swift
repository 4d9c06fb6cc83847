import Synchronization

/// When a response last made progress; the stall watchdog reads it.
final class ProgressMarker: Sendable {
    private let last: Mutex<ContinuousClock.Instant>

    init() {
        last = Mutex(.now)
    }

    /// Records that bytes arrived now.
    func touch() {
        last.withLock { $0 = .now }
    }

    /// The last time bytes arrived.
    var lastProgress: ContinuousClock.Instant {
        last.withLock { $0 }
    }
}
