import Distilabel
import DistilabelTesting
import Testing

@Suite struct PipelineValidationTests {
    private func error(_ build: (PipelineBuilder) throws -> Void) -> PipelineError? {
        do {
            _ = try Pipeline(name: "p", build)
            return nil
        } catch let error as PipelineError {
            return error
        } catch {
            return nil
        }
    }

    @Test func defaultNamesDeriveFromTheType() throws {
        let pipeline = try Pipeline(name: "p") { p in
            let load = p.add(LoadDataFromDicts(rows: numberedRows(1)))
            let first = p.add(TextGeneration(llm: MockLLM()))
            let second = p.add(TextGeneration(llm: MockLLM()), inputMappings: ["instruction": "generation"])
            load >>> first >>> second
        }
        #expect(pipeline.nodes.map(\.name) == ["load_data_from_dicts_0", "text_generation_0", "text_generation_1"])
        #expect(pipeline.leafNames == ["text_generation_1"])
    }

    @Test func invalidAndDuplicateNames() {
        #expect(error { p in p.add(LoadDataFromDicts(rows: []), name: "bad name") } == .invalidStepName("bad name"))
        let duplicate = error { p in
            let a = p.add(LoadDataFromDicts(rows: []), name: "a")
            let b = p.add(KeepColumns(["id"]), name: "a")
            a >>> b
        }
        #expect(duplicate == .duplicateStepName("a"))
    }

    @Test func cyclesAreNamed() {
        let cycle = error { p in
            let load = p.add(LoadDataFromDicts(rows: numberedRows(1)), name: "load")
            let a = p.add(KeepColumns(["id"]), name: "a")
            let b = p.add(KeepColumns(["id"]), name: "b")
            load >>> a >>> b >>> a
        }
        #expect(cycle == .cycle(["a", "b", "a"]))
        #expect("\(cycle!)".contains("a >>> b >>> a"))
    }

    @Test func generatorsCannotHavePredecessorsAndRootsMustBeGenerators() {
        let generatorAfter = error { p in
            let a = p.add(LoadDataFromDicts(rows: numberedRows(1)), name: "a")
            let b = p.add(LoadDataFromDicts(rows: numberedRows(1)), name: "b")
            a >>> b
        }
        #expect(generatorAfter == .generatorWithPredecessors(step: "b", predecessors: ["a"]))
        #expect(error { p in p.add(KeepColumns(["id"]), name: "k") } == .rootIsNotGenerator(step: "k"))
    }

    @Test func missingInputColumnsNameStepAndColumns() {
        let missing = error { p in
            let load = p.add(LoadDataFromDicts(rows: [["prompt": "x"]]), name: "load")
            let generate = p.add(TextGeneration(llm: MockLLM()), name: "generate")
            load >>> generate
        }
        #expect(missing == .missingInputColumns(step: "generate", missing: ["instruction"], available: ["prompt"]))
        let mapped = error { p in
            let load = p.add(LoadDataFromDicts(rows: [["prompt": "x"]]), name: "load")
            let generate = p.add(
                TextGeneration(llm: MockLLM()), name: "generate", inputMappings: ["instruction": "prompt"])
            let keep = p.add(KeepColumns(["prompt", "generation", "dropped"]), name: "keep")
            load >>> generate >>> keep
        }
        #expect(
            mapped
                == .missingInputColumns(
                    step: "keep", missing: ["dropped"], available: ["prompt", "generation", "model_name"]))
    }

    @Test func mappingsMustNameTheStepsColumns() {
        let bad = error { p in
            let load = p.add(LoadDataFromDicts(rows: numberedRows(1)), name: "load")
            let generate = p.add(TextGeneration(llm: MockLLM()), name: "generate", outputMappings: ["text": "answer"])
            load >>> generate
        }
        #expect(
            bad
                == .invalidMapping(
                    step: "generate", kind: "an output mapping", key: "text", valid: ["generation", "model_name"]))
    }

    @Test func routingAndConvergenceBatchSizes() {
        let notDividing = error { p in
            let load = p.add(LoadDataFromDicts(rows: numberedRows(10)), name: "load", batchSize: 10)
            let a = p.add(KeepColumns(["id"]), name: "a", inputBatchSize: 3)
            let b = p.add(KeepColumns(["id"]), name: "b", inputBatchSize: 5)
            load >>> .sampleNSteps(1) >>> [a, b]
        }
        guard case .invalidRouting(let step, _) = notDividing else {
            Issue.record("expected a routing error, got \(String(describing: notDividing))")
            return
        }
        #expect(step == "a")
        let convergence = error { p in
            let load = p.add(LoadDataFromDicts(rows: numberedRows(10)), name: "load", batchSize: 10)
            let a = p.add(KeepColumns(["id"]), name: "a", inputBatchSize: 5)
            let b = p.add(KeepColumns(["id"]), name: "b", inputBatchSize: 5)
            let join = p.add(KeepColumns(["id"]), name: "join", inputBatchSize: 10)
            load >>> .sampleNSteps(1) >>> [a, b]
            [a, b] >>> join
        }
        guard case .invalidConvergence(let joinStep, _) = convergence else {
            Issue.record("expected a convergence error, got \(String(describing: convergence))")
            return
        }
        #expect(joinStep == "join")
        let badSize = error { p in p.add(LoadDataFromDicts(rows: []), name: "load", batchSize: 0) }
        #expect(badSize == .invalidOption(step: "load", option: "batch_size", reason: "must be at least 1"))
    }

    @Test func runtimeParameterErrors() async throws {
        let pipeline = try Pipeline(name: "p") { p in
            let load = p.add(LoadDataFromDicts(rows: numberedRows(2)), name: "load")
            let generate = p.add(TextGeneration(llm: MockLLM()), name: "generate")
            load >>> generate
        }
        let typo = #expect(throws: PipelineError.self) {
            try pipeline.applying(["generate": ["llm.generation_kwargs.temprature": 0.5]])
        }
        #expect(
            typo
                == .unknownRuntimeParameter(
                    step: "generate", parameter: "llm.generation_kwargs.temprature",
                    suggestion: "llm.generation_kwargs.temperature",
                    valid: typo.map { if case .unknownRuntimeParameter(_, _, _, let v) = $0 { v } else { [] } } ?? []))
        #expect("\(typo!)".contains("Did you mean 'llm.generation_kwargs.temperature'?"))
        let unknownStep = #expect(throws: PipelineError.self) { try pipeline.applying(["generat": ["x": 1]]) }
        #expect(unknownStep == .unknownStepInParameters(step: "generat", suggestion: "generate"))
        let applied = try pipeline.applying([
            "generate": ["llm": ["generation_kwargs": ["temperature": 0.5]]], "load": ["batch_size": 7],
        ])
        #expect(applied.node("load")?.options.batchSize == 7)
        let config = applied.node("generate")!.step.configuration
        #expect(config["llm"]?.structValue?["generation_kwargs"] == ["temperature": 0.5])
        let signatureBefore = try await PipelineSignature.compute(for: pipeline)
        let signatureAfter = try await PipelineSignature.compute(for: applied)
        #expect(signatureBefore.signature != signatureAfter.signature)
        #expect(signatureBefore.signature.count == 40)
    }

    @Test func missingRequiredRuntimeParameter() throws {
        struct NeedsKey: ProcessingStep {
            var key: String?
            var runtimeParameters: [RuntimeParameterInfo] {
                [RuntimeParameterInfo(name: "key", description: "The key.", optional: key != nil)]
            }
            mutating func applyRuntimeParameters(_ values: Row) throws { key = values["key"]?.stringValue ?? key }
            func process(_ inputs: [[Row]], context: StepContext) async throws -> [Row] { inputs[0] }
        }
        let pipeline = try Pipeline(name: "p") { p in
            p.add(LoadDataFromDicts(rows: numberedRows(1)), name: "load") >>> p.add(NeedsKey(), name: "needs")
        }
        let missing = #expect(throws: PipelineError.self) { try pipeline.applying([:]) }
        #expect(missing == .missingRuntimeParameter(step: "needs", parameter: "key", description: "The key."))
        #expect(throws: Never.self) { try pipeline.applying(["needs": ["key": "k"]]) }
    }
}
