import DistilabelCore

extension StepRegistry {
    /// The formatting steps and `DataSampler`, under Python distilabel's class names and modules.
    mutating func registerFormattingSteps() {
        register(step: "FormatTextGenerationSFT", module: "distilabel.steps.formatting.sft") { _ in
            FormatTextGenerationSFT()
        }
        register(step: "FormatChatGenerationSFT", module: "distilabel.steps.formatting.sft") { _ in
            FormatChatGenerationSFT()
        }
        register(step: "FormatTextGenerationDPO", module: "distilabel.steps.formatting.dpo") { _ in
            FormatTextGenerationDPO()
        }
        register(step: "FormatChatGenerationDPO", module: "distilabel.steps.formatting.dpo") { _ in
            FormatChatGenerationDPO()
        }
        register(step: "ConversationTemplate", module: "distilabel.steps.formatting.conversation") { _ in
            ConversationTemplate()
        }
        register(step: "DataSampler", module: "distilabel.steps.generators.data_sampler") { fields in
            // Python distilabel leaves `data` out of the files it writes (`Field(exclude=True)`).
            guard let data = fields.value("data") else {
                throw fields.invalid(
                    "data",
                    "DataSampler needs its rows in 'data', a list of mappings; Python distilabel does not write them "
                        + "to pipeline.yaml: add them to the step")
            }
            guard case .list(let elements) = data else {
                throw fields.invalid("data", "expected a list of mappings, got \(data.kindName)")
            }
            let rows = try elements.enumerated().map { index, element -> Row in
                guard case .struct(let row) = element else {
                    throw fields.invalid("data", "element \(index) is \(element.kindName), expected a mapping")
                }
                return row
            }
            guard !rows.isEmpty else { throw fields.invalid("data", "is empty: there is no row to sample from") }
            let size = try fields.int("size") ?? 2
            guard size >= 1 else { throw fields.invalid("size", "must be at least 1") }
            let samples = try fields.int("samples") ?? 100
            guard samples >= 0 else { throw fields.invalid("samples", "must not be negative") }
            let seed = try fields.int("seed") ?? 0
            return DataSampler(data: rows, size: size, samples: samples, seed: UInt64(bitPattern: Int64(seed)))
        }
    }
}

extension DataSampler: PipelineYAMLFieldsProviding {
    /// Python's `size` and `samples`, our `seed`, and the rows as `data` (Python distilabel leaves them out; we keep
    /// them so that the file can be run again).
    public var pipelineYAMLFields: Row {
        configuration.merging(["data": .list(data.allRows.map(Value.struct))])
    }
}
