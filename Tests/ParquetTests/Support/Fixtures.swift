import Foundation

/// Locates the shared Parquet fixtures (`<package root>/../shared/fixtures/parquet`).
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/parquet")

    static var samples: URL { root.appendingPathComponent("samples") }
    static var parquetTesting: URL { root.appendingPathComponent("parquet-testing") }

    /// Paths relative to ``root`` of every file ending in `.parquet` (or `.parquet.encrypted`).
    static func allParquetFiles() -> [String] {
        var result: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".parquet") || path.hasSuffix(".parquet.encrypted") { result.append(path) }
        }
        return result.sorted()
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Foundation.Data(contentsOf: root.appendingPathComponent(relativePath)))
    }
}
