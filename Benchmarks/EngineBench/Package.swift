// swift-tools-version: 6.1
// The engine benchmark: its own package so that its build never enters the main one.
import PackageDescription

let package = Package(
    name: "EngineBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-distilabel", path: "../..")],
    targets: [
        .executableTarget(
            name: "EngineBench",
            dependencies: [.product(name: "Distilabel", package: "swift-distilabel")]
        )
    ]
)
