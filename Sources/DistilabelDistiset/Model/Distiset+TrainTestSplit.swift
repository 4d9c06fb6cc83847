import DistilabelCore

extension Distiset {
    /// A Distiset whose configurations each have a `train` and a `test` split, drawn at random from their `train`
    /// split, as Python's `Distiset.train_test_split`.
    ///
    /// `trainSize` (strictly between 0 and 1) is the share of rows in `train`: `floor(trainSize × count)` rows, the
    /// rest in `test`, both in shuffled order. The same `seed` gives the same split on every platform; `nil` draws
    /// a random one. Throws when `trainSize` is out of range, when a configuration has no `train` split or already
    /// has a `test` split, or when either split would be empty.
    public func trainTestSplit(trainSize: Double, seed: UInt64? = nil) throws -> Distiset {
        guard trainSize > 0, trainSize < 1 else {
            throw DistisetError.invalidSplit(
                configuration: nil, reason: "trainSize must be strictly between 0 and 1, got \(trainSize)")
        }
        var generator = SplitMix64(seed: seed ?? UInt64.random(in: .min ... .max))
        var result = self
        for index in result.configurations.indices {
            let configuration = result.configurations[index]
            guard let train = configuration["train"] else {
                throw DistisetError.invalidSplit(configuration: configuration.name, reason: "it has no train split")
            }
            guard configuration["test"] == nil else {
                throw DistisetError.invalidSplit(
                    configuration: configuration.name, reason: "it already has a test split")
            }
            let trainCount = Int((trainSize * Double(train.count)).rounded(.down))
            guard trainCount > 0, trainCount < train.count else {
                throw DistisetError.invalidSplit(
                    configuration: configuration.name,
                    reason: "\(train.count) rows with trainSize \(trainSize) leave an empty "
                        + (trainCount == 0 ? "train" : "test") + " split")
            }
            if let seed { generator = SplitMix64(seed: seed) }
            let order = Array(train.rows.indices).shuffled(using: &generator)
            let trainRows = order[..<trainCount].map { train.rows[$0] }
            let testRows = order[trainCount...].map { train.rows[$0] }
            var splits = configuration.splits.filter { $0.name != "train" }
            splits.insert(DistisetSplit(name: "test", rows: testRows), at: 0)
            splits.insert(DistisetSplit(name: "train", rows: trainRows), at: 0)
            result.configurations[index].splits = splits
        }
        return result
    }
}
