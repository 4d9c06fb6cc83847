// swift-tools-version: 6.1
// Benchmarks of the embedded GGUF runtime, in their own package so they never enter the main build.
// Run from the repository root:
//   swift run -c release --package-path Benchmarks/GGUFBench GGUFBench [model.gguf]
// The integer kernels need only baseline SSE2; letting the compiler use AVX2 gained nothing measurable here
// (2026-11-26, 8 sequences: 129 tokens/s by CPU time with `-Xswiftc -target-cpu -Xswiftc haswell`, 133 without).
// GGUF_BENCH_STEPS sets the number of decoding steps (default 64).
import PackageDescription

let package = Package(
    name: "GGUFBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-distilabel", path: "../..")],
    targets: [
        .executableTarget(
            name: "GGUFBench",
            dependencies: [.product(name: "GGUFRuntime", package: "swift-distilabel")]
        )
    ]
)
