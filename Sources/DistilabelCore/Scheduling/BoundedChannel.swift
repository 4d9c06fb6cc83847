import Synchronization

/// A queue with a capacity in units of weight (rows, for batches) between tasks: `send` waits while the queue holds
/// its capacity, so a slow step slows the steps before it instead of letting rows pile up in memory. An element
/// heavier than the capacity is accepted when the queue is empty. Any number of tasks may send and receive.
///
/// Both sides honour task cancellation: a waiting `send` or `receive` throws `CancellationError`.
///
/// Continuations are always resumed after the lock is released: resuming one takes the waiting task's status lock,
/// which a cancelling task group holds while it runs the cancellation handler that takes this lock.
final class BoundedChannel<Element: Sendable>: Sendable {
    /// How a channel ended.
    enum End: Sendable {
        /// The producers produced everything.
        case complete
        /// A producer stopped early (the run is stopping): what is missing will be produced by a later run.
        case interrupted
    }

    private struct State {
        var buffer: [Element] = []
        var head = 0
        var weight = 0
        var end: End?
        var closedByReceiver = false
        var nextWaiterID: UInt64 = 0
        var receivers: [(UInt64, CheckedContinuation<Void, any Error>)] = []
        var senders: [(UInt64, CheckedContinuation<Void, any Error>)] = []
        var count: Int { buffer.count - head }

        /// The first waiting receiver, removed, for the caller to resume once the lock is released.
        mutating func takeReceiver() -> CheckedContinuation<Void, any Error>? {
            receivers.isEmpty ? nil : receivers.removeFirst().1
        }

        /// The first waiting sender, removed, for the caller to resume once the lock is released.
        mutating func takeSender() -> CheckedContinuation<Void, any Error>? {
            senders.isEmpty ? nil : senders.removeFirst().1
        }
    }

    private let capacity: Int
    private let weigh: @Sendable (Element) -> Int
    private let state = Mutex(State())

    init(capacity: Int, weight: @escaping @Sendable (Element) -> Int = { _ in 1 }) {
        self.capacity = max(1, capacity)
        self.weigh = weight
    }

    /// Adds an element, waiting while the channel is full.
    func send(_ element: Element) async throws {
        let elementWeight = max(1, weigh(element))
        while true {
            try Task.checkCancellation()
            let (sent, receiver) = state.withLock { state -> (Bool, CheckedContinuation<Void, any Error>?) in
                if state.closedByReceiver { return (true, nil) }
                guard state.count == 0 || state.weight + elementWeight <= capacity else { return (false, nil) }
                state.buffer.append(element)
                state.weight += elementWeight
                return (true, state.takeReceiver())
            }
            receiver?.resume()
            if sent { return }
            try await wait(asSender: true, weight: elementWeight)
        }
    }

    /// Ends the channel: receivers get what is buffered, then `nil`. The first end wins.
    func finish(_ end: End = .complete) {
        let receivers = state.withLock { state in
            if state.end == nil { state.end = end }
            defer { state.receivers.removeAll() }
            return state.receivers.map(\.1)
        }
        for receiver in receivers { receiver.resume() }
    }

    /// Tells producers that nobody will receive any more: their sends return at once, dropping the element.
    func closeForReceiving() {
        let senders = state.withLock { state in
            state.closedByReceiver = true
            state.buffer.removeAll()
            state.head = 0
            state.weight = 0
            defer { state.senders.removeAll() }
            return state.senders.map(\.1)
        }
        for sender in senders { sender.resume() }
    }

    /// The next element, or `nil` once the channel has ended and is drained.
    func receive() async throws -> Element? {
        while true {
            try Task.checkCancellation()
            var woken: [CheckedContinuation<Void, any Error>] = []
            let outcome = state.withLock { state -> ReceiveOutcome<Element> in
                if state.count > 0 {
                    let element = state.buffer[state.head]
                    state.head += 1
                    state.weight -= max(1, weigh(element))
                    if state.head >= 64 && state.head * 2 >= state.buffer.count {
                        state.buffer.removeFirst(state.head)
                        state.head = 0
                    }
                    if let sender = state.takeSender() { woken.append(sender) }
                    if state.count > 0, let receiver = state.takeReceiver() { woken.append(receiver) }
                    return .element(element)
                }
                return state.end == nil ? .empty : .ended
            }
            for continuation in woken { continuation.resume() }
            switch outcome {
            case .element(let element): return element
            case .ended: return nil
            case .empty: try await wait(asSender: false, weight: 0)
            }
        }
    }

    /// How the channel ended, once it has.
    var end: End? {
        state.withLock { $0.end }
    }

    private func wait(asSender: Bool, weight elementWeight: Int) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow = state.withLock { state -> Bool in
                    if Task.isCancelled { return true }
                    if asSender {
                        if state.closedByReceiver || state.count == 0 || state.weight + elementWeight <= capacity {
                            return true
                        }
                        state.senders.append((id, continuation))
                    } else {
                        if state.count > 0 || state.end != nil { return true }
                        state.receivers.append((id, continuation))
                    }
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiting = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                if asSender, let index = state.senders.firstIndex(where: { $0.0 == id }) {
                    return state.senders.remove(at: index).1
                }
                if !asSender, let index = state.receivers.firstIndex(where: { $0.0 == id }) {
                    return state.receivers.remove(at: index).1
                }
                return nil
            }
            waiting?.resume(throwing: CancellationError())
        }
    }
}

private enum ReceiveOutcome<Element> {
    case element(Element)
    case ended
    case empty
}
