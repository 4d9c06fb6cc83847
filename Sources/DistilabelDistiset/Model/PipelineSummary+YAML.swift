public import Foundation

extension PipelineSummary {
    /// The summary written in a `pipeline.yaml` (distilabel 1.5's schema: `pipeline.name`, `pipeline.description`,
    /// `pipeline.steps[].name` and `pipeline.steps[].step.type_info.name`); `nil` when the text has no pipeline name.
    ///
    /// This is a tolerant reader for dataset cards, not the loader that rebuilds a pipeline.
    public init?(pipelineYAML text: String) {
        let outline = YAMLOutline(parsing: text)
        guard let pipeline = outline["pipeline"], let name = pipeline["name"]?.text else { return nil }
        var steps: [Step] = []
        for item in pipeline["steps"]?.items ?? [] {
            guard let stepName = item["name"]?.text ?? item["step"]?["name"]?.text else { continue }
            steps.append(Step(name: stepName, typeName: item["step"]?["type_info"]?["name"]?.text))
        }
        self.init(name: name, description: pipeline["description"]?.text, steps: steps)
    }

    /// The summary in the `pipeline.yaml` at `url`; `nil` when it cannot be read or names no pipeline.
    public init?(contentsOf url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        self.init(pipelineYAML: String(decoding: data, as: UTF8.self))
    }
}
