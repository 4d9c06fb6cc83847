import Distilabel
import DistilabelTesting
import Foundation
import Logging
import Testing

@Suite struct CreateDistisetTests {
    @Test func readsEachLayoutWithOneConfigurationPerLeaf() async throws {
        for stepsOutputs in [false, true] {
            try await withTemporaryDirectory { root in
                let data = root.appendingPathComponent("data")
                let leafRoot = stepsOutputs ? data.appendingPathComponent("steps_outputs") : data
                let first = SampleData.rows(23)
                let second = Array(SampleData.rows(5).reversed())
                try SampleData.writeBatches(first, batchSize: 4, to: leafRoot.appendingPathComponent("keep"))
                try SampleData.writeBatches(second, batchSize: 2, to: leafRoot.appendingPathComponent("other"))
                try FileManager.default.createDirectory(
                    at: leafRoot.appendingPathComponent("empty"), withIntermediateDirectories: true)

                let distiset = try createDistiset(dataDirectory: data)
                #expect(distiset.names == ["keep", "other"], "steps_outputs: \(stepsOutputs)")
                #expect(distiset["keep"]?.splitNames == ["train"])
                #expect(distiset.rows("keep") == first)
                #expect(distiset.rows("other") == second)
                #expect(distiset["keep"]?.count == 23)
                #expect(
                    distiset["keep"]?.columnNames
                        == ["id", "instruction", "score", "accepted", "note", "tags", "messages"])
                #expect(distiset.pipelinePath == nil)
                #expect(distiset.logFilenamePath == nil)
            }
        }
    }

    @Test func numericFileOrderIsGeneratorOrderPast99999() async throws {
        try await withTemporaryDirectory { root in
            let leaf = root.appendingPathComponent("data/leaf")
            try SampleData.writeBatches(SampleData.rows(2), batchSize: 1, to: leaf)
            // 100000.parquet sorts before 00002.parquet by name, after it by number.
            try FileManager.default.moveItem(
                at: leaf.appendingPathComponent("00001.parquet"), to: leaf.appendingPathComponent("100000.parquet"))
            let rows = try createDistiset(dataDirectory: root.appendingPathComponent("data")).rows()
            #expect(rows.map { $0["id"] } == [.int(1), .int(0)])
        }
    }

    @Test func aLoneConfigurationIsDefaultAndMetadataIsDroppedUnlessEnabled() async throws {
        try await withTemporaryDirectory { root in
            let data = root.appendingPathComponent("data")
            try SampleData.writeBatches(
                SampleData.rows(6, metadata: true), batchSize: 4, to: data.appendingPathComponent("generate"))
            let plain = try createDistiset(dataDirectory: data)
            #expect(plain.names == ["default"])
            #expect(plain.rows().count == 6)
            #expect(plain.rows().allSatisfy { !$0.contains("distilabel_metadata") })
            let withMetadata = try createDistiset(dataDirectory: data, enableMetadata: true)
            #expect(withMetadata.rows() == SampleData.rows(6, metadata: true))
        }
    }

    @Test func pipelineFilesBesideTheDataFolderAreAttached() async throws {
        try await withTemporaryDirectory { root in
            let data = root.appendingPathComponent("data")
            try SampleData.writeBatches(SampleData.rows(3), batchSize: 4, to: data.appendingPathComponent("leaf"))
            try SampleData.write("pipeline:\n  name: demo\n", to: root.appendingPathComponent("pipeline.yaml"))
            try SampleData.write("log line\n", to: root.appendingPathComponent("pipeline.log"))
            let distiset = try createDistiset(dataDirectory: data)
            #expect(distiset.pipelinePath?.lastPathComponent == "pipeline.yaml")
            #expect(
                distiset.pipelinePath?.standardizedFileURL.path == root.appendingPathComponent("pipeline.yaml").path)
            #expect(distiset.logFilenamePath?.lastPathComponent == "pipeline.log")
            // The execution folder itself is accepted too.
            let fromExecution = try createDistiset(dataDirectory: root)
            #expect(fromExecution.rows() == SampleData.rows(3))
            // Explicit paths win, even when they do not exist.
            let explicit = URL(fileURLWithPath: "/nonexistent/pipeline.yaml")
            #expect(try createDistiset(dataDirectory: data, pipelinePath: explicit).pipelinePath == explicit)
        }
    }

    @Test func aMissingDataFolderIsAClearError() async throws {
        try await withTemporaryDirectory { root in
            let missing = root.appendingPathComponent("nothing-here")
            #expect {
                try createDistiset(dataDirectory: missing)
            } throws: { error in
                guard let error = error as? DistisetError, case .missingDataDirectory(let path) = error else {
                    return false
                }
                return path.hasSuffix("nothing-here") && error.description.contains("nothing-here")
            }
        }
    }

    @Test func aDamagedParquetFileNamesTheFile() async throws {
        try await withTemporaryDirectory { root in
            try SampleData.write("not parquet", to: root.appendingPathComponent("data/leaf/00001.parquet"))
            #expect {
                try createDistiset(dataDirectory: root.appendingPathComponent("data"))
            } throws: { error in
                "\(error)".contains("data/leaf/00001.parquet")
            }
        }
    }

    @Test func fromExecutionReadsTheCacheOfARealRun() async throws {
        try await withTemporaryDirectory { cache in
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let rows: [Row] = (0..<30).map {
                ["id": .int(Int64($0)), "text": .string("row \($0)"), "drop": .bool(true)]
            }
            let pipeline = try Pipeline(name: "distiset-run", cacheDirectory: cache.path) { p in
                let load = p.add(LoadDataFromDicts(rows: rows), name: "load", batchSize: 7)
                load >>> p.add(KeepColumns(["id", "text"]), name: "keep")
                load >>> p.add(KeepColumns(["text"]), name: "texts")
            }
            let output = try await pipeline.runWithCache(options: RunOptions(logger: logger))
            let directory = CacheLayout(cacheDirectory: cache.path).executionDirectory(
                pipelineName: pipeline.name, signature: output.signature)
            let distiset = try Distiset.fromExecution(
                directory: directory, leaves: pipeline.leafNames, pipeline: pipeline)
            #expect(Set(distiset.names) == ["keep", "texts"])
            #expect(distiset.names == pipeline.leafNames)
            #expect(distiset.rows("keep") == rows.map { $0.keeping(["id", "text"]) })
            #expect(distiset.rows("texts") == rows.map { $0.keeping(["text"]) })
            #expect(distiset.pipelineSummary?.steps.map(\.name) == ["load", "keep", "texts"])
            #expect(distiset.pipelineSummary?.steps.first?.typeName == "LoadDataFromDicts")
            // The rows the run collected give the same Distiset.
            let inMemory = Distiset(output: output, pipeline: pipeline)
            #expect(inMemory.configurations == distiset.configurations)
        }
    }
}
