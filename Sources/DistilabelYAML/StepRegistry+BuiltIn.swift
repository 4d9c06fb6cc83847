import DistilabelCore
import DistilabelDataFiles
import DistilabelTasks
import Foundation

extension StepRegistry {
    /// The library's own steps, tasks and routing functions under their Python distilabel class names.
    ///
    /// LLM clients register themselves with ``register(llm:module:_:)`` (see ``registeringLLMs(_:)``).
    public static var builtIn: StepRegistry {
        var registry = StepRegistry()
        registry.register(step: "LoadDataFromDicts", module: "distilabel.steps.generators.data") { fields in
            let data = fields.value("data")?.listValue ?? []
            let rows = try data.enumerated().map { index, element -> Row in
                guard case .struct(let row) = element else {
                    throw fields.invalid("data", "element \(index) is \(element.kindName), expected a mapping")
                }
                return row
            }
            return LoadDataFromDicts(rows: rows)
        }
        registry.register(step: "LoadDataFromFileSystem", module: "distilabel.steps.generators.huggingface") {
            fields in
            let files = try fields.requiredStrings("data_files").flatMap(Self.expandingDirectory)
            var format: LoadDataFromFileSystem.Format?
            if let name = try fields.string("filetype") {
                guard let known = LoadDataFromFileSystem.Format(rawValue: name) else {
                    throw fields.invalid("filetype", "'\(name)' is not one of jsonl, json, csv, parquet")
                }
                // Python's `json` loader reads JSON Lines as well: keep `.jsonl` files as JSON Lines.
                let allLines = files.allSatisfy { $0.lowercased().hasSuffix(".jsonl") }
                format = known == .json && allLines ? .jsonl : known
            }
            fields.ignore("split", "config", "streaming", "storage_options", "revision", "repo_id")
            return LoadDataFromFileSystem(dataFiles: files, format: format, numExamples: try fields.int("num_examples"))
        }
        registry.register(step: "KeepColumns", module: "distilabel.steps.columns.keep") { fields in
            KeepColumns(try fields.requiredStrings("columns"))
        }
        registry.register(step: "CombineOutputs", module: "distilabel.steps.columns.combine") { _ in
            CombineOutputs()
        }
        registry.register(step: "ExpandColumns", module: "distilabel.steps.columns.expand") { fields in
            fields.ignore("encoded", "split_statistics")
            if case .struct = fields.value("columns") {
                return ExpandColumns(mapping: try fields.stringPairs("columns") ?? [])
            }
            return ExpandColumns(try fields.requiredStrings("columns"))
        }
        registry.register(step: "GroupColumns", module: "distilabel.steps.columns.group") { fields in
            GroupColumns(try fields.requiredStrings("columns"), outputColumns: try fields.strings("output_columns"))
        }
        registry.register(step: "MergeColumns", module: "distilabel.steps.columns.merge") { fields in
            MergeColumns(
                try fields.requiredStrings("columns"),
                outputColumn: try fields.string("output_column") ?? "merged_column")
        }
        registry.registerFormattingSteps()
        registry.registerTasks()
        registry.register(routing: "sample_n_steps", module: "distilabel.pipeline.routing_batch_function") {
            kwargs in
            guard let n = kwargs["n"]?.intValue, n >= 1 else {
                throw PipelineYAMLError.invalidField(
                    file: "", step: "", field: "kwargs.n", line: nil, reason: "expected a positive integer")
            }
            return .sampleNSteps(Int(n), seed: UInt64(kwargs["seed"]?.intValue ?? 0))
        }
        return registry
    }

    /// This registry with LLM types added: the extension point for LLM client modules
    /// (`registry.registeringLLMs { $0.register(llm: "OpenAILLM", …) }`).
    public func registeringLLMs(_ register: (inout StepRegistry) -> Void) -> StepRegistry {
        var result = self
        register(&result)
        return result
    }

    /// A directory's data files (`.jsonl`, `.json`, `.csv`) in name order, as Python distilabel accepts a
    /// directory in `data_files`; any other path as is.
    static func expandingDirectory(_ path: String) -> [String] {
        let expanded = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory), isDirectory.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: expanded)
        else { return [path] }
        let base = expanded.hasSuffix("/") ? String(expanded.dropLast()) : expanded
        let files = names.filter { name in
            !name.hasPrefix(".")
                && ["jsonl", "json", "csv", "parquet"].contains((name as NSString).pathExtension.lowercased())
        }
        return files.isEmpty ? [path] : files.sorted().map { base + "/" + $0 }
    }
}
