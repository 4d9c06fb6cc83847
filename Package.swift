// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "swift-distilabel",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Distilabel", targets: ["Distilabel"]),
        .library(name: "DistilabelTesting", targets: ["DistilabelTesting"]),
        .library(name: "Parquet", targets: ["Parquet"]),
        .library(name: "GGUFRuntime", targets: ["GGUFRuntime"]),
        .library(name: "LLMClients", targets: ["LLMClients"]),
        .executable(name: "distilabel", targets: ["distilabel"]),
        .executable(name: "generate-responses", targets: ["GenerateResponses"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/stencilproject/Stencil", from: "0.15.1"),
    ],
    targets: [
        // MARK: Bottom layer: standalone modules that depend on nothing of ours.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "Parquet", dependencies: ["CZlib"]),
        .target(name: "GGUFRuntime"),
        .target(
            name: "LLMClients",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: The engine: values, steps, graph, batches, scheduling. No HTTP, no Parquet.
        .target(name: "DistilabelCore", dependencies: [.product(name: "Logging", package: "swift-log")]),

        // MARK: Rows as files: JSON Lines, JSON, CSV and Parquet inputs (LoadDataFromFileSystem), rows <-> Parquet.
        .target(name: "DistilabelDataFiles", dependencies: ["DistilabelCore", "Parquet"]),

        // MARK: The tasks: prompts over columns (Stencil templates) and the parsing of the answers.
        .target(
            name: "DistilabelTasks",
            dependencies: ["DistilabelCore", .product(name: "Stencil", package: "Stencil")]
        ),

        // MARK: The durable cache joins the engine and Parquet.
        .target(
            name: "DistilabelCache",
            dependencies: [
                "DistilabelCore", "DistilabelDataFiles", "DistilabelYAML", "Parquet",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: LLMs for pipelines: the clients and the embedded runtime behind the engine's LLM protocol.
        .target(name: "DistilabelLLMs", dependencies: ["DistilabelCore", "LLMClients", "GGUFRuntime"]),

        // MARK: Datasets out of a cache: the Distiset and its Hugging Face Hub layout.
        .target(
            name: "DistilabelDistiset",
            dependencies: ["DistilabelCore", "DistilabelCache", "DistilabelDataFiles", "Parquet"]
        ),

        // MARK: What users import.
        .target(
            name: "Distilabel",
            dependencies: [
                "DistilabelCore", "DistilabelTasks", "DistilabelCache", "DistilabelDataFiles", "DistilabelLLMs",
                "DistilabelDistiset",
            ]
        ),
        .target(name: "DistilabelTesting", dependencies: ["DistilabelCore"]),

        // MARK: pipeline.yaml and the step registry.
        .target(
            name: "DistilabelYAML",
            dependencies: [
                "DistilabelCore", "DistilabelDataFiles", "DistilabelTasks", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "DistilabelCLI",
            dependencies: [
                "Distilabel", "DistilabelYAML", "DistilabelTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "distilabel", dependencies: ["DistilabelCLI"]),
        .executableTarget(
            name: "distilabel-test-pipeline", dependencies: ["Distilabel"], path: "Sources/DistilabelTestPipeline"),
        .executableTarget(
            name: "GenerateResponses",
            dependencies: ["Distilabel", "DistilabelTesting"],
            path: "Examples/GenerateResponses"
        ),

        // MARK: Tests.
        .testTarget(name: "DistilabelCoreTests", dependencies: ["Distilabel", "DistilabelTesting"]),
        .testTarget(name: "DistilabelCacheTests", dependencies: ["Distilabel", "DistilabelTesting", "Parquet"]),
        .testTarget(
            name: "ParquetTests",
            dependencies: ["Parquet", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Interop"]
        ),
        .testTarget(
            name: "DistilabelYAMLTests", dependencies: ["DistilabelYAML", "Distilabel", "DistilabelTesting"]),
        .testTarget(
            name: "DistilabelCLITests", dependencies: ["DistilabelCLI", "DistilabelYAML", "DistilabelTesting"],
            exclude: ["Golden", "Fixtures", "Python"]),
        .testTarget(
            name: "DistilabelDistisetTests",
            dependencies: ["Distilabel", "DistilabelDistiset", "DistilabelTesting", "Parquet"],
            exclude: ["Interop"]
        ),
        .testTarget(name: "GGUFRuntimeTests", dependencies: ["GGUFRuntime"]),
        .testTarget(
            name: "DistilabelTasksTests",
            dependencies: [
                "Distilabel", "DistilabelCLI", "DistilabelTasks", "DistilabelTesting", "DistilabelYAML", "LLMClients",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Python"]
        ),
        .testTarget(
            name: "LLMClientsTests",
            dependencies: [
                "LLMClients", "Distilabel", "DistilabelTesting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
