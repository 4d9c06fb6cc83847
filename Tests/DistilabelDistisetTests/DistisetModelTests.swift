import Distilabel
import Testing

@Suite struct DistisetModelTests {
    private func distiset(_ counts: [String: Int]) -> Distiset {
        Distiset(
            configurations: counts.keys.sorted().map {
                DistisetConfiguration(name: $0, rows: SampleData.rows(counts[$0]!))
            })
    }

    @Test func countsAndColumns() {
        let sample = Distiset(configurations: [
            DistisetConfiguration(name: "a", rows: [["x": 1], ["y": "two", "x": 3]]),
            DistisetConfiguration(name: "b", rows: []),
        ])
        #expect(sample.names == ["a", "b"])
        #expect(sample.count == 2)
        #expect(sample["a"]?.count == 2)
        #expect(sample["a"]?.columnNames == ["x", "y"])
        #expect(sample["b"]?.columnNames == [])
        #expect(sample["missing"] == nil)
        #expect(sample.rows("a", split: "test") == [])
    }

    @Test(arguments: [0.5, 0.8, 0.25])
    func trainTestSplitPartitionsEveryConfiguration(trainSize: Double) throws {
        let original = distiset(["first": 40, "second": 9])
        let split = try original.trainTestSplit(trainSize: trainSize, seed: 42)
        for configuration in original.configurations {
            let parts = try #require(split[configuration.name])
            #expect(parts.splitNames == ["train", "test"])
            let train = try #require(parts["train"]).rows
            let test = try #require(parts["test"]).rows
            #expect(train.count == Int((trainSize * Double(configuration.count)).rounded(.down)))
            #expect(train.count + test.count == configuration.count)
            #expect(Set(train + test) == Set(configuration["train"]!.rows))
            #expect(Set(train).isDisjoint(with: test))
        }
        // The same seed gives the same split; another seed (almost surely) a different one.
        #expect(try original.trainTestSplit(trainSize: trainSize, seed: 42) == split)
        #expect(try original.trainTestSplit(trainSize: trainSize, seed: 7) != split)
    }

    @Test func trainTestSplitRejectsBadArguments() throws {
        let sample = distiset(["only": 10])
        for size in [0.0, 1.0, -0.5, 1.5] {
            #expect(throws: DistisetError.self) { try sample.trainTestSplit(trainSize: size, seed: 1) }
        }
        // One row cannot give two non-empty splits.
        #expect(throws: DistisetError.self) { try distiset(["tiny": 1]).trainTestSplit(trainSize: 0.5) }
        // Splitting twice is refused, as in Python.
        let once = try sample.trainTestSplit(trainSize: 0.5, seed: 1)
        #expect(throws: DistisetError.self) { try once.trainTestSplit(trainSize: 0.5, seed: 1) }
    }
}
