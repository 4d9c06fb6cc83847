// swift-tools-version: 6.1
// The Parquet benchmark, in its own package so that it never enters the main build:
//   cd Benchmarks/ParquetBench && swift run -c release ParquetBench [rows]
import PackageDescription

let package = Package(
    name: "ParquetBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "swift-distilabel", path: "../..")],
    targets: [
        .executableTarget(
            name: "ParquetBench",
            dependencies: [.product(name: "Parquet", package: "swift-distilabel")]
        )
    ]
)
