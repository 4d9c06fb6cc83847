// swift-tools-version: 6.1
// Benchmarks of the embedded GGUF runtime, in their own package so they never enter the main build.
// Run from the repository root:
//   swift run -c release --package-path Benchmarks/GGUFBench GGUFBench [model.gguf]
// On x86-64 CPUs with AVX2 and FMA, letting the compiler use them is about twice as fast:
//   swift run -c release --package-path Benchmarks/GGUFBench -Xswiftc -target-cpu -Xswiftc haswell GGUFBench
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
