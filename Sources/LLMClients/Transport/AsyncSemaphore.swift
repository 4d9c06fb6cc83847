import Synchronization

/// Limits how many requests are in flight; waiters are served first come, first served.
///
/// A permit is taken without suspending while one is free; only a waiter suspends. A waiting task that is cancelled
/// stops waiting at once with `CancellationError`. The state is guarded by a `Mutex`, so taking and returning a
/// permit costs no hop to another executor.
final class AsyncSemaphore: Sendable {
    private struct State {
        var available: Int
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Swift.Error>?)] = []
        var head = 0
        var nextID: UInt64 = 0
        /// Waiters cancelled before they were queued.
        var cancelledEarly: Set<UInt64> = []
    }

    private let state: Mutex<State>

    init(permits: Int) {
        state = Mutex(State(available: max(1, permits)))
    }

    /// Waits for a permit; return it with ``release()``.
    func acquire() async throws {
        let id: UInt64? = state.withLock { state in
            if state.available > 0, state.head == state.waiters.count {
                state.available -= 1
                return nil
            }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Swift.Error>) in
                let cancelled = state.withLock { state in
                    if state.cancelledEarly.remove(id) != nil { return true }
                    state.waiters.append((id, continuation))
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            cancelWaiter(id)
        }
    }

    /// Returns a permit, handing it to the oldest waiter if there is one.
    func release() {
        let next: CheckedContinuation<Void, any Swift.Error>? = state.withLock { state in
            while state.head < state.waiters.count {
                let waiter = state.waiters[state.head]
                state.head += 1
                if state.head > 1024, state.head * 2 > state.waiters.count {
                    state.waiters.removeFirst(state.head)
                    state.head = 0
                }
                if let continuation = waiter.continuation { return continuation }
            }
            state.available += 1
            return nil
        }
        next?.resume()
    }

    private func cancelWaiter(_ id: UInt64) {
        let continuation: CheckedContinuation<Void, any Swift.Error>? = state.withLock { state in
            guard let index = state.waiters[state.head...].firstIndex(where: { $0.id == id }) else {
                state.cancelledEarly.insert(id)
                return nil
            }
            let continuation = state.waiters[index].continuation
            state.waiters[index].continuation = nil
            return continuation
        }
        continuation?.resume(throwing: CancellationError())
    }
}
