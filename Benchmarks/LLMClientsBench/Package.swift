// swift-tools-version: 6.1
// The LLM clients benchmark, in its own package so that it never enters the main build or CI:
//   cd Benchmarks/LLMClientsBench && swift build -c release && .build/release/LLMClientsBench
import PackageDescription

let package = Package(
    name: "LLMClientsBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-distilabel", path: "../.."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "LLMClientsBench",
            dependencies: [
                .product(name: "Distilabel", package: "swift-distilabel"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        )
    ]
)
