import DistilabelCore
import DistilabelTasks

extension StepRegistry {
    /// The LLM tasks under distilabel's class names and field names.
    mutating func registerTasks() {
        let module = "distilabel.steps.tasks"
        register(step: "TextGeneration", module: "\(module).text_generation") { fields in
            fields.ignore("use_system_prompt")
            let template = try fields.string("template")
            return TextGeneration(
                llm: try fields.llm(), systemPrompt: try fields.string("system_prompt"),
                template: template == "{{ instruction }}" ? nil : template, columns: try fields.strings("columns"),
                numGenerations: try fields.int("num_generations") ?? 1,
                groupGenerations: try fields.bool("group_generations") ?? false,
                generationKwargs: try fields.llmGenerationKwargs())
        }
        register(step: "ChatGeneration", module: "\(module).text_generation") { fields in
            ChatGeneration(
                llm: try fields.llm(), numGenerations: try fields.int("num_generations") ?? 1,
                groupGenerations: try fields.bool("group_generations") ?? false,
                generationKwargs: try fields.llmGenerationKwargs())
        }
        register(step: "UltraFeedback", module: "\(module).ultrafeedback") { fields in
            let name = try fields.string("aspect") ?? UltraFeedbackAspect.overallRating.rawValue
            guard let aspect = UltraFeedbackAspect(rawValue: name) else {
                let known = UltraFeedbackAspect.allCases.map(\.rawValue).joined(separator: ", ")
                throw fields.invalid("aspect", "'\(name)' is not one of \(known)")
            }
            return UltraFeedback(
                llm: try fields.llm(), aspect: aspect, numGenerations: try fields.int("num_generations") ?? 1,
                groupGenerations: try fields.bool("group_generations") ?? false,
                generationKwargs: try fields.llmGenerationKwargs())
        }
        register(step: "SelfInstruct", module: "\(module).self_instruct") { fields in
            SelfInstruct(
                llm: try fields.llm(), numInstructions: try fields.int("num_instructions") ?? 5,
                criteriaForQueryGeneration: try fields.string("criteria_for_query_generation")
                    ?? SelfInstruct.defaultCriteria,
                applicationDescription: try fields.string("application_description") ?? "AI assistant",
                numGenerations: try fields.int("num_generations") ?? 1,
                groupGenerations: try fields.bool("group_generations") ?? false,
                generationKwargs: try fields.llmGenerationKwargs())
        }
        register(step: "EvolInstruct", module: "\(module).evol_instruct.base") { fields in
            fields.ignore("num_generations", "group_generations")
            var mutations = EvolMutation.defaults
            if let templates = try fields.row("mutation_templates") {
                mutations = try templates.pairs.map { name, value in
                    guard let template = value.stringValue else {
                        throw fields.invalid("mutation_templates", "'\(name)' is \(value.kindName), expected a string")
                    }
                    return EvolMutation(name: name, template: template)
                }
            }
            guard let numEvolutions = try fields.int("num_evolutions") else { throw fields.missing("num_evolutions") }
            return EvolInstruct(
                llm: try fields.llm(), numEvolutions: numEvolutions,
                storeEvolutions: try fields.bool("store_evolutions") ?? false,
                generateAnswers: try fields.bool("generate_answers") ?? false,
                includeOriginalInstruction: try fields.bool("include_original_instruction") ?? false,
                mutations: mutations, seed: try fields.int("seed") ?? 42,
                generationKwargs: try fields.llmGenerationKwargs())
        }
        register(step: "QualityScorer", module: "\(module).quality_scorer") { fields in
            QualityScorer(
                llm: try fields.llm(), numGenerations: try fields.int("num_generations") ?? 1,
                groupGenerations: try fields.bool("group_generations") ?? false,
                generationKwargs: try fields.llmGenerationKwargs())
        }
        register(step: "ComplexityScorer", module: "\(module).complexity_scorer") { fields in
            ComplexityScorer(
                llm: try fields.llm(), numGenerations: try fields.int("num_generations") ?? 1,
                groupGenerations: try fields.bool("group_generations") ?? false,
                generationKwargs: try fields.llmGenerationKwargs())
        }
        register(step: "StructuredGeneration", module: "\(module).structured_generation") { fields in
            StructuredGeneration(
                llm: try fields.llm(), useSystemPrompt: try fields.bool("use_system_prompt") ?? false,
                numGenerations: try fields.int("num_generations") ?? 1,
                groupGenerations: try fields.bool("group_generations") ?? false,
                generationKwargs: try fields.llmGenerationKwargs())
        }
    }
}
