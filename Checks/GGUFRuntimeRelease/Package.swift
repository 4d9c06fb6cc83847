// swift-tools-version: 6.1
// The embedded model's checks in an optimized build, in their own package so that only GGUFRuntime is compiled
// with optimizations: the root package's test targets are compiled together, and a release build of them would
// also optimize SwiftNIO, AsyncHTTPClient and everything else.
//
// `Tests/GGUFRuntimeTests` is a symbolic link to the root package's test target, so these are the same tests that
// `swift test` runs in a debug build. Debug builds check the GGUF reader, kernels, tokenizer, chat template and one
// forward pass; here every fixture prompt's logits, the greedy continuations and batched generation are checked too.
// Run from the repository root (CI does, see .ci/run):
//   swift test -c release --package-path Checks/GGUFRuntimeRelease
import PackageDescription

let package = Package(
    name: "GGUFRuntimeRelease",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-distilabel", path: "../..")],
    targets: [
        .testTarget(
            name: "GGUFRuntimeTests",
            dependencies: [.product(name: "GGUFRuntime", package: "swift-distilabel")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        )
    ]
)
