/// A generator step shared by its runner and the handles of its replayed batches: loaded once, on first use, and
/// asked for any batch in any order.
actor GeneratorSource {
    private var generator: any GeneratorStep
    private let context: StepContext
    private let mappings: RowMappings
    private var loaded = false

    init(_ generator: any GeneratorStep, context: StepContext, mappings: RowMappings) {
        self.generator = generator
        self.context = context
        self.mappings = mappings
    }

    var totalRows: Int? { generator.totalRows }

    var isLoaded: Bool { loaded }

    /// Loads the generator if it is not loaded yet.
    func load() async throws {
        guard !loaded else { return }
        var generator = self.generator
        try await generator.load(context: context)
        self.generator = generator
        loaded = true
    }

    /// Batch `sequence` of `size` rows, with the step's output mappings applied.
    func batch(sequence: Int, size: Int) async throws -> GeneratedBatch {
        try await load()
        let batch = try await generator.batch(offset: sequence * size, size: size, context: context)
        guard !mappings.isIdentity else { return batch }
        return GeneratedBatch(
            rows: batch.rows.map { mappings.applyOutput($0, overridden: Row()) }, isLast: batch.isLast)
    }

    /// Unloads the generator; a later replayed batch loads it again.
    func unload() async {
        guard loaded else { return }
        await generator.unload()
        loaded = false
    }
}
