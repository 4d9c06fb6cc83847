/// Chooses, for each batch a step produces, which of its successors receive it.
///
/// Routing must be a pure function of the batch's sequence number (and the successor names), so that a resumed run
/// routes every batch exactly as the interrupted one did.
public struct RoutingBatchFunction: Sendable {
    /// The function's name, as `pipeline.yaml` records it.
    public var name: String
    /// Its parameters (part of the signature).
    public var configuration: Row
    private let route: @Sendable (_ batch: Int, _ successors: [String]) -> [String]

    /// A custom routing function. `route` gets the batch's sequence number and the successor names in connection
    /// order, and returns the names that receive the batch.
    public init(
        name: String, configuration: Row = Row(),
        route: @escaping @Sendable (_ batch: Int, _ successors: [String]) -> [String]
    ) {
        self.name = name
        self.configuration = configuration
        self.route = route
    }

    /// Routes each batch to `n` successors sampled at random, seeded by `seed` and the batch number.
    public static func sampleNSteps(_ n: Int, seed: UInt64 = 0) -> RoutingBatchFunction {
        RoutingBatchFunction(name: "sample_n_steps", configuration: ["n": .int(Int64(n)), "seed": .int(Int64(seed))]) {
            batch, successors in
            var generator = SplitMix64(seed: seed &+ UInt64(batch) &* 0x9E37_79B9_7F4A_7C15)
            var shuffled = successors
            for index in stride(from: shuffled.count - 1, to: 0, by: -1) {
                let other = Int(generator.next() % UInt64(index + 1))
                shuffled.swapAt(index, other)
            }
            let chosen = Set(shuffled.prefix(n))
            return successors.filter { chosen.contains($0) }
        }
    }

    /// The successors that receive batch `batch`, in connection order.
    public func successors(forBatch batch: Int, among successors: [String]) -> [String] {
        let chosen = Set(route(batch, successors))
        return successors.filter { chosen.contains($0) }
    }
}

/// A small, fast, seedable random number generator (SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
