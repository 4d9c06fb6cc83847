import DistilabelCore

/// The `README.md` that ``Distiset/save(to:)`` writes: YAML front matter that the Hugging Face Hub and
/// `datasets.load_dataset` read (`configs` with their `data_files`, `dataset_info` with features and split sizes),
/// then a short description for people.
struct DatasetCard {
    var title: String
    var summary: PipelineSummary?
    var configurations: [SavedConfiguration]
    var hasPipelineConfig: Bool

    func render() -> String {
        (frontMatter() + body()).joined(separator: "\n") + "\n"
    }

    private func frontMatter() -> [String] {
        let total = configurations.reduce(0) { $0 + $1.splits.reduce(0) { $0 + $1.rowCount } }
        var lines = ["---", "size_categories: \(Self.sizeCategory(total))", "tags:", "- synthetic", "- distilabel"]
        lines.append("dataset_info:")
        for configuration in configurations {
            lines.append("- config_name: " + YAMLText.scalar(configuration.name))
            lines.append("  features:")
            lines.append(contentsOf: FeaturesYAML.lines(for: configuration.schema, indent: 2))
            lines.append("  splits:")
            for split in configuration.splits {
                lines.append("  - name: " + YAMLText.scalar(split.name))
                lines.append("    num_examples: \(split.rowCount)")
            }
            lines.append("  download_size: \(configuration.splits.reduce(0) { $0 + $1.fileSize })")
        }
        lines.append("configs:")
        for configuration in configurations {
            lines.append("- config_name: " + YAMLText.scalar(configuration.name))
            lines.append("  data_files:")
            for split in configuration.splits {
                lines.append("  - split: " + YAMLText.scalar(split.name))
                lines.append("    path: " + YAMLText.scalar("\(configuration.name)/\(split.name)-*"))
            }
        }
        lines.append("---")
        return lines
    }

    private func body() -> [String] {
        var lines = ["", "# \(title)", ""]
        lines.append(
            "This dataset was generated with swift-distilabel, the Swift counterpart of "
                + "[distilabel](https://github.com/argilla-io/distilabel).")
        if let description = summary?.description {
            lines += ["", description]
        }
        if let summary, !summary.steps.isEmpty {
            lines += ["", "## Pipeline", "", "Pipeline `\(summary.name)`, with these steps:", ""]
            lines += ["| step | type |", "|---|---|"]
            for step in summary.steps {
                lines.append("| `\(step.name)` | \(step.typeName.map { "`\($0)`" } ?? "") |")
            }
        }
        lines += ["", "## Dataset structure", "", "| configuration | split | rows | columns |", "|---|---|---|---|"]
        for configuration in configurations {
            let columns = configuration.schema.map { "`\($0.name)`" }.joined(separator: ", ")
            for split in configuration.splits {
                lines.append("| `\(configuration.name)` | `\(split.name)` | \(split.rowCount) | \(columns) |")
            }
        }
        for configuration in configurations {
            guard let row = configuration.sampleRow else { continue }
            lines += ["", "A sample row of configuration `\(configuration.name)`:", "", "```json"]
            lines.append(PrettyJSON.render(.struct(row), truncating: true))
            lines.append("```")
        }
        lines += ["", "Load a configuration with Hugging Face `datasets`:", "", "```python"]
        lines.append("from datasets import load_dataset")
        lines.append("")
        let first = configurations.first?.name ?? "default"
        lines.append("dataset = load_dataset(\"path/to/this/folder\", \"\(first)\")")
        lines.append("```")
        if hasPipelineConfig {
            lines += ["", "## Reproduce", ""]
            lines.append("The `pipeline.yaml` beside this card holds the pipeline's configuration. Run it again with:")
            lines += ["", "```console", "distilabel pipeline run --config pipeline.yaml", "```"]
        }
        return lines
    }

    /// The Hub's size category of a dataset with `count` rows.
    static func sizeCategory(_ count: Int) -> String {
        switch count {
        case ..<1_000: return "n<1K"
        case ..<10_000: return "1K<n<10K"
        case ..<100_000: return "10K<n<100K"
        case ..<1_000_000: return "100K<n<1M"
        case ..<10_000_000: return "1M<n<10M"
        case ..<100_000_000: return "10M<n<100M"
        case ..<1_000_000_000: return "100M<n<1B"
        default: return "n>1T"
        }
    }
}
