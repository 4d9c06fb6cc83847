import Foundation

/// Wall-clock and CPU time (of this process) since `start`: on a shared machine CPU time is the steadier figure.
struct Stopwatch {
    var wall = ContinuousClock.now
    var cpu = Stopwatch.cpuNow()

    static func cpuNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    func elapsed() -> (wall: Double, cpu: Double) {
        let duration = ContinuousClock.now - wall
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return (seconds, Stopwatch.cpuNow() - cpu)
    }
}
