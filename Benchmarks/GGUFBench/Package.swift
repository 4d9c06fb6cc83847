// swift-tools-version: 6.1
// Benchmarks of the embedded GGUF runtime, in their own package so they never enter the main build.
// Run: swift run -c release --package-path Benchmarks/GGUFBench GGUFBench [model.gguf]
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
