/// Limits how many requests are in flight; waiters are served first come, first served.
///
/// A waiting task that is cancelled stops waiting at once with `CancellationError`.
actor AsyncSemaphore {
    private var available: Int
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Swift.Error>)] = []
    private var head = 0
    private var nextID: UInt64 = 0

    init(permits: Int) {
        available = max(1, permits)
    }

    /// Waits for a permit; release it with ``release()``.
    func acquire() async throws {
        if available > 0, head == waiters.count {
            available -= 1
            return
        }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Swift.Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Returns a permit, handing it to the oldest waiter if there is one.
    func release() {
        if head < waiters.count {
            let waiter = waiters[head]
            head += 1
            compact()
            waiter.continuation.resume()
        } else {
            available += 1
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters[head...].firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(throwing: CancellationError())
    }

    private func compact() {
        if head > 1024, head * 2 > waiters.count {
            waiters.removeFirst(head)
            head = 0
        }
    }
}
