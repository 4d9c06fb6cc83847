import Distilabel
import DistilabelTesting
import DistilabelYAML
import Testing

/// Every task written to `pipeline.yaml` and read back is the same step (same signature); short hand-written files
/// with distilabel's class and field names build the tasks.
struct TaskYAMLTests {
    static var registry: StepRegistry {
        var registry = StepRegistry.builtIn
        registry.register(llm: "MockLLM") { fields in MockLLM(modelName: try fields.string("model") ?? "mock-model") }
        return registry
    }

    static let tasks: [(String, any LLMTask)] = [
        (
            "TextGeneration",
            TextGeneration(
                llm: MockLLM(modelName: "m"), systemPrompt: "Be brief.",
                template: "Summarise {{ document }} for {% for a in audience %}{{ a }} {% endfor %}",
                generationKwargs: ["temperature": 0.5])
        ),
        ("ChatGeneration", ChatGeneration(llm: MockLLM(modelName: "m"), numGenerations: 2, groupGenerations: true)),
        ("UltraFeedback", UltraFeedback(llm: MockLLM(modelName: "m"), aspect: .truthfulness)),
        (
            "SelfInstruct",
            SelfInstruct(llm: MockLLM(modelName: "m"), numInstructions: 3, applicationDescription: "A cooking bot")
        ),
        (
            "EvolInstruct",
            EvolInstruct(
                llm: MockLLM(modelName: "m"), numEvolutions: 2, storeEvolutions: true, generateAnswers: true,
                mutations: Array(EvolMutation.defaults.prefix(2)), seed: 7)
        ),
        ("QualityScorer", QualityScorer(llm: MockLLM(modelName: "m"))),
        ("ComplexityScorer", ComplexityScorer(llm: MockLLM(modelName: "m"), generationKwargs: ["max_new_tokens": 32])),
        ("StructuredGeneration", StructuredGeneration(llm: MockLLM(modelName: "m"), useSystemPrompt: true)),
    ]

    /// A row with every column some task reads.
    static let row: Row = [
        "instruction": "i", "generations": ["a"], "messages": [["role": "user", "content": "Hi"]], "input": "seed",
        "instructions": ["a"], "responses": ["a"], "structured_output": ["type": "object"], "document": "d",
        "audience": ["x"], "name": "n",
    ]

    static func pipeline(_ index: Int) throws -> Pipeline {
        let (name, task) = tasks[index]
        return try Pipeline(name: "yaml-\(name)") { p in
            let load = p.add(LoadDataFromDicts(rows: [Self.row]), name: "load")
            let step = p.add(task, name: "task", inputBatchSize: 4)
            load >>> step
        }
    }

    @Test(arguments: 0..<8) func writeThenReadGivesTheSameSignature(index: Int) async throws {
        let pipeline = try Self.pipeline(index)
        let text = try PipelineYAML.string(for: pipeline, registry: Self.registry)
        #expect(text.contains("name: \(Self.tasks[index].0)"))
        #expect(text.contains("module: distilabel.steps.tasks."))
        let read = try PipelineYAML.pipeline(fromYAML: text, registry: Self.registry)
        #expect(read.nodes[1].typeName == Self.tasks[index].0)
        #expect(read.nodes[1].step.configuration == pipeline.nodes[1].step.configuration)
        #expect(try await PipelineSignature.compute(for: read) == PipelineSignature.compute(for: pipeline))
        #expect(try PipelineYAML.string(for: read, registry: Self.registry) == text)
    }

    static let handWritten: [(String, String, Row)] = [
        ("TextGeneration", "template: 'Hi {{ name }}'", ["columns": ["name"]]),
        ("ChatGeneration", "num_generations: 2", ["num_generations": 2]),
        ("UltraFeedback", "aspect: helpfulness", ["aspect": "helpfulness"]),
        ("SelfInstruct", "num_instructions: 4", ["num_instructions": 4]),
        ("EvolInstruct", "num_evolutions: 3", ["num_evolutions": 3, "seed": 42]),
        ("QualityScorer", "num_generations: 1", ["num_generations": 1]),
        ("ComplexityScorer", "group_generations: true", ["group_generations": true]),
        ("StructuredGeneration", "use_system_prompt: true", ["use_system_prompt": true]),
    ]

    @Test(arguments: 0..<8) func shortHandWrittenFilesBuildTheTasks(index: Int) throws {
        let (type, field, expected) = Self.handWritten[index]
        let yaml = """
            pipeline:
              name: short
              steps:
              - step:
                  name: load
                  data: [{instruction: i, generations: [a], messages: [{role: user, content: Hi}], input: s, \
            instructions: [a], responses: [a], structured_output: {type: object}, name: n}]
                  type_info: {name: LoadDataFromDicts}
              - step:
                  name: task
                  \(field)
                  llm: {model: tiny, type_info: {name: MockLLM}}
                  type_info: {name: \(type)}
              connections:
              - {from: load, to: [task]}
            """
        let pipeline = try PipelineYAML.pipeline(fromYAML: yaml, registry: Self.registry)
        let step = try #require(pipeline.nodes.first { $0.name == "task" }?.step as? any LLMTask)
        #expect(step.typeName == type)
        #expect(step.llm.modelName == "tiny")
        for (key, value) in expected.pairs {
            #expect(step.configuration[key] == value, "\(type).\(key)")
        }
    }

    @Test func anUnknownAspectIsReportedWithTheKnownOnes() throws {
        let yaml = """
            pipeline:
              name: bad
              steps:
              - step: {name: load, data: [{instruction: i, generations: [a]}], type_info: {name: LoadDataFromDicts}}
              - step: {name: rate, aspect: kindness, llm: {type_info: {name: MockLLM}}, type_info: {name: UltraFeedback}}
              connections:
              - {from: load, to: [rate]}
            """
        do {
            _ = try PipelineYAML.pipeline(fromYAML: yaml, registry: Self.registry)
            Issue.record("an unknown aspect was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.contains("rate"))
            #expect(message.contains("'kindness' is not one of overall-rating, helpfulness, honesty"))
        }
    }
}
