import Distilabel
import DistilabelTesting
import DistilabelYAML
import Foundation
import Testing

/// The formatting steps and `DataSampler` in `pipeline.yaml`: Python distilabel's type names and modules, our
/// written file read back as the same pipeline, and the errors of a `DataSampler` without its data.
struct FormattingYAMLTests {
    static let rows: [Row] = [
        [
            "system_prompt": "Be brief.", "instruction": "What's 2+2?", "generation": "4",
            "generations": ["4", "5", "four"], "generation_models": ["m1", "m2", "m3"], "ratings": [5, 1, 5],
            "chat": [["role": "user", "content": "What's 2+2?"]],
        ],
        [
            "system_prompt": "", "instruction": "Name a colour.", "generation": "Blue",
            "generations": ["Blue", "Red"], "generation_models": ["m1", "m2"], "ratings": [2.5, 4.0],
            "chat": [["role": "system", "content": "Sys"], ["role": "user", "content": "Name a colour."]],
        ],
    ]

    static func pipeline() throws -> Pipeline {
        try Pipeline(name: "formatting") { p in
            let load = p.add(LoadDataFromDicts(rows: rows), name: "load")
            let sft = p.add(FormatTextGenerationSFT(), name: "sft")
            let chatSFT = p.add(FormatChatGenerationSFT(), name: "chat_sft", inputMappings: ["messages": "chat"])
            let dpo = p.add(FormatTextGenerationDPO(), name: "dpo", inputBatchSize: 1)
            let chatDPO = p.add(FormatChatGenerationDPO(), name: "chat_dpo", inputMappings: ["messages": "chat"])
            let conversation = p.add(
                ConversationTemplate(), name: "conversation", inputMappings: ["response": "generation"])
            load >>> [sft, chatSFT, dpo, chatDPO, conversation]
            let sampler = p.add(
                DataSampler(
                    data: [["q": "a", "k": 1], ["q": "b", "k": 2], ["q": "c", "k": 3]], size: 2, samples: 5, seed: 9),
                name: "sampler", batchSize: 2)
            sampler >>> p.add(KeepColumns(["q"]), name: "keep")
        }
    }

    @Test func ourFileReadsBackAsTheSamePipelineAndRunsTheSame() async throws {
        let pipeline = try Self.pipeline()
        let text = try PipelineYAML.string(for: pipeline)
        for expected in [
            "module: distilabel.steps.formatting.sft\n        name: FormatTextGenerationSFT",
            "module: distilabel.steps.formatting.sft\n        name: FormatChatGenerationSFT",
            "module: distilabel.steps.formatting.dpo\n        name: FormatTextGenerationDPO",
            "module: distilabel.steps.formatting.dpo\n        name: FormatChatGenerationDPO",
            "module: distilabel.steps.formatting.conversation\n        name: ConversationTemplate",
            "module: distilabel.steps.generators.data_sampler\n        name: DataSampler",
            "      size: 2\n      samples: 5\n      seed: 9\n      data:",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        let read = try PipelineYAML.pipeline(fromYAML: text)
        #expect(read.nodes.map(\.typeName) == pipeline.nodes.map(\.typeName))
        #expect(read.nodes.map(\.options) == pipeline.nodes.map(\.options))
        #expect(read.connections == pipeline.connections)
        #expect(try await PipelineSignature.compute(for: read) == PipelineSignature.compute(for: pipeline))
        let sampler = try #require(read.nodes.first { $0.name == "sampler" }?.step as? DataSampler)
        #expect(sampler.size == 2 && sampler.samples == 5 && sampler.seed == 9)
        #expect(sampler.data.allRows == [["q": "a", "k": 1], ["q": "b", "k": 2], ["q": "c", "k": 3]])
        #expect(try PipelineYAML.string(for: read) == text)

        let original = try await pipeline.run()
        let rebuilt = try await read.run()
        #expect(rebuilt.leafRows == original.leafRows)
        #expect(original.failedBatches == 0)
        #expect(original.leafRows["keep"]?.count == 5)
        let dpo = try #require(original.leafRows["dpo"])
        #expect(dpo.map { $0["chosen_model"] } == ["m1", "m2"])
        #expect(dpo.map { $0["rejected_rating"] } == [1, 2.5])
        #expect(original.leafRows["chat_sft"]?.first?["chat"]?.listValue?.count == 2)
    }

    @Test func aDataSamplerWithoutDataSaysWhy() throws {
        let yaml = """
            pipeline:
              name: sampling
              steps:
              - step: {name: sampler, size: 2, samples: 3, batch_size: 2, type_info: {name: DataSampler}}
              connections: []
            """
        do {
            _ = try PipelineYAML.pipeline(fromYAML: yaml)
            Issue.record("expected an error")
        } catch {
            let message = "\(error)"
            #expect(message.contains("sampler") && message.contains("data"))
            #expect(message.contains("Python distilabel does not write them"))
        }
        let empty = yaml.replacingOccurrences(of: "{name: sampler,", with: "{name: sampler, data: [],")
        do {
            _ = try PipelineYAML.pipeline(fromYAML: empty)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("no row to sample from"))
        }
    }
}
