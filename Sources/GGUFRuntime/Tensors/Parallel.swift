import Dispatch

/// Splits loops across the machine's cores.
enum Parallel {
    /// The number of worker threads used for matrix products (the active processor count).
    static let threadCount = max(1, sysconfThreads())

    private static func sysconfThreads() -> Int {
        #if canImport(Glibc)
            return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
            return Int(sysconf(_SC_NPROCESSORS_ONLN))
        #endif
    }

    /// Runs `body` over consecutive slices of `0..<count`, in parallel when the work is large enough.
    ///
    /// The work is cut into a few more slices than there are cores, so a core that other processes slow down
    /// does not hold up the rest.
    static func forEachSlice(count: Int, minimumSlice: Int = 16, _ body: (Range<Int>) -> Void) {
        let slices = min(threadCount == 1 ? 1 : threadCount * 3, max(1, count / minimumSlice))
        if slices <= 1 {
            body(0..<count)
            return
        }
        // `concurrentPerform` returns only when every iteration has finished, so `body` does not outlive this call,
        // and callers give each slice disjoint output; that is what makes sharing it across threads safe.
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: slices) { i in
            work(count * i / slices..<count * (i + 1) / slices)
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
