// swift-tools-version: 6.1
// The engine benchmark: its own package so that its build never enters the main one.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which depends on where the repository was cloned.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

let package = Package(
    name: "EngineBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "EngineBench",
            dependencies: [.product(name: "Distilabel", package: root.lastPathComponent)]
        )
    ]
)
