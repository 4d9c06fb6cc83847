import Distilabel
import DistilabelTesting
import Foundation
import Logging
import Testing

/// `Pipeline.runDistiset`: distilabel's `distiset = pipeline.run()`.
@Suite struct RunDistisetTests {
    private let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    @Test func runReturnsTheDatasetOfEveryLeafFromTheCache() async throws {
        try await withTemporaryDirectory { cache in
            let rows: [Row] = (0..<25).map { ["id": .int(Int64($0)), "text": .string("ligne \($0) — é")] }
            let pipeline = try Pipeline(name: "run-distiset", cacheDirectory: cache.path) { p in
                let load = p.add(LoadDataFromDicts(rows: rows), name: "load", batchSize: 4)
                let upper = p.add(
                    ClosureStep(typeName: "Upper", inputs: ["text"], outputs: ["upper"]) { rows, _ in
                        rows.map { row in
                            var row = row
                            row["upper"] = .string((row["text"]?.stringValue ?? "").uppercased())
                            row["distilabel_metadata"] = ["note": "internal"]
                            return row
                        }
                    }, name: "upper", inputBatchSize: 3)
                let ids = p.add(KeepColumns(["id"]), name: "ids")
                let texts = p.add(ClosureStep(typeName: "Pass") { rows, _ in rows }, name: "texts")
                load >>> upper >>> [ids, texts]
            }
            let distiset = try await pipeline.runDistiset(options: RunOptions(logger: logger))
            #expect(distiset.names == ["ids", "texts"])
            #expect(distiset.rows("ids") == rows.map { ["id": $0["id"]!] })
            #expect(distiset["texts"]?.columnNames == ["id", "text", "upper"], "metadata is dropped by default")
            #expect(
                distiset.rows("texts").map { $0["upper"] }
                    == rows.map { .string($0["text"]!.stringValue!.uppercased()) })
            #expect(distiset.pipelinePath.map { FileManager.default.fileExists(atPath: $0.path) } == true)
            #expect(distiset.logFilenamePath.map { FileManager.default.fileExists(atPath: $0.path) } == true)

            // A finished run is read back without running a step: no file of the execution is written again.
            let data = distiset.pipelinePath!.deletingLastPathComponent().appendingPathComponent("data")
            func stamps() -> [String: Date] {
                let files = FileManager.default.enumerator(atPath: data.path)?.compactMap { $0 as? String } ?? []
                return Dictionary(
                    uniqueKeysWithValues: files.map { file in
                        let attributes = try? FileManager.default.attributesOfItem(
                            atPath: data.appendingPathComponent(file).path)
                        return (file, attributes?[.modificationDate] as? Date ?? .distantPast)
                    })
            }
            let before = stamps()
            let again = try await pipeline.runDistiset(options: RunOptions(logger: logger))
            #expect(again.rows("texts") == distiset.rows("texts"))
            #expect(stamps() == before && before.count >= 4)
            let log = try String(contentsOf: again.logFilenamePath!, encoding: .utf8)
            #expect(log.contains("Resumed run of 'run-distiset'"))
        }
    }
}
