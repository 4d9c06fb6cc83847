import Distilabel
import DistilabelTesting
import Foundation
import Logging
import Testing

/// The cache on a 256 KiB tmpfs: the run fails with a clear error, what was committed stays consistent, and the
/// execution folder, moved to a disk with space, resumes and finishes with exactly the rows of an uninterrupted run.
@Suite(.serialized) struct DiskFullTests {
    private let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    private func pipeline(cache: URL) throws -> Pipeline {
        // A generator rather than inline rows: the data must fill the disk, not pipeline.yaml. Pseudo-random
        // letters, so that compression does not shrink 4000 rows into the 256 KiB.
        let generator = GeneratorClosureStep(typeName: "Lorem", outputs: ["id", "text"]) { offset, size in
            let end = min(offset + size, 4000)
            let rows: [Row] = (offset..<end).map { id in
                var rng = SplitMix64(seed: UInt64(id))
                let letters = (0..<200).map { _ in Character(UnicodeScalar(UInt8.random(in: 97...122, using: &rng))) }
                return ["id": .int(Int64(id)), "text": .string(String(letters))]
            }
            return GeneratedBatch(rows: rows, isLast: end == 4000)
        }
        return try Pipeline(name: "disk-full", cacheDirectory: cache.path) { p in
            p.add(generator, name: "load", batchSize: 100)
                >>> p.add(KeepColumns(["id", "text"]), name: "keep", inputBatchSize: 100)
        }
    }

    @Test func aFullDiskGivesAClearErrorAndTheRunResumesElsewhere() async throws {
        try await withTemporaryDirectory { root in
            let small = root.appendingPathComponent("small")
            try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
            let mount = Process()
            mount.executableURL = URL(fileURLWithPath: "/bin/mount")
            mount.arguments = ["-t", "tmpfs", "-o", "size=256k", "tmpfs", small.path]
            try mount.run()
            mount.waitUntilExit()
            guard mount.terminationStatus == 0 else {
                if ProcessInfo.processInfo.environment["CI"] != nil {
                    Issue.record("cannot mount a tmpfs here (needs root): the disk-full test did not run")
                }
                return
            }
            defer {
                let unmount = Process()
                unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
                unmount.arguments = [small.path]
                try? unmount.run()
                unmount.waitUntilExit()
            }
            let reference = try await pipeline(cache: root.appendingPathComponent("reference"))
                .runWithCache(options: RunOptions(logger: logger))

            var message = ""
            do {
                _ = try await pipeline(cache: small).runWithCache(
                    options: RunOptions(logger: logger), commitInterval: .milliseconds(1))
                Issue.record("the run should not fit in 256 KiB")
            } catch {
                message = "\(error)"
            }
            #expect(message.contains("No space left on device"), "\(message)")
            #expect(message.contains("free space and run again to resume"))

            // Move the execution to a disk with space: paths inside the cache are relative, so it resumes there.
            let moved = root.appendingPathComponent("moved")
            try FileManager.default.createDirectory(at: moved, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: small.appendingPathComponent("disk-full"), to: moved.appendingPathComponent("disk-full"))
            let resumed = try await pipeline(cache: moved).runWithCache(options: RunOptions(logger: logger))
            #expect(resumed.signature == reference.signature)
            #expect(
                resumed.progress.contains { $0.batchesReused > 0 },
                "nothing committed before the disk filled was reused")
            #expect(resumed.rows == reference.rows)
            let directory = moved.appendingPathComponent("disk-full/\(resumed.signature)")
            #expect(try LeafData.rows(executionDirectory: directory, leaf: "keep") == reference.rows)
        }
    }
}
