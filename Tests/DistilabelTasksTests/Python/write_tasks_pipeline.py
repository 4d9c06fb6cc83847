"""Writes a pipeline.yaml with every task swift-distilabel implements, as Python distilabel 1.5.3 does.

Usage: python write_tasks_pipeline.py BASE_URL OUTPUT_PATH DATA_PATH (a JSONL file with one row is written there)
"""

import json
import os
import sys

from distilabel.models import OpenAILLM
from distilabel.pipeline import Pipeline
from distilabel.steps import CombineOutputs, LoadDataFromFileSystem
from distilabel.steps.tasks import (
    ChatGeneration,
    ComplexityScorer,
    EvolInstruct,
    QualityScorer,
    SelfInstruct,
    StructuredGeneration,
    TextGeneration,
    UltraFeedback,
)

base_url, output, data = sys.argv[1], sys.argv[2], sys.argv[3]
os.environ.setdefault("OPENAI_API_KEY", "unused")
schema = {
    "title": "Pet",
    "type": "object",
    "properties": {"name": {"type": "string"}},
    "required": ["name"],
}
row = {
    "instruction": "Name a pet.",
    "generations": ["Rex", "A table"],
    "messages": [{"role": "user", "content": "Hi"}],
    "input": "Pets",
    "instructions": ["Say hi.", "Solve chess."],
    "structured_output": {"format": "json", "schema": schema},
}
with open(data, "w") as file:
    file.write(json.dumps(row) + "\n")


def llm(model):
    return OpenAILLM(model=model, base_url=base_url)


with Pipeline(name="python-tasks") as pipeline:
    load = LoadDataFromFileSystem(name="load", data_files=data)
    tasks = [
        TextGeneration(name="text", llm=llm("text-model"), output_mappings={"generation": "text_generation"}),
        ChatGeneration(name="chat", llm=llm("chat-model"), output_mappings={"generation": "chat_generation"}),
        UltraFeedback(name="rate", llm=llm("rating-model"), aspect="honesty", use_default_structured_output=False),
        SelfInstruct(name="self_instruct", llm=llm("self-instruct-model"), num_instructions=2,
                     output_mappings={"instructions": "queries"}),
        EvolInstruct(name="evolve", llm=llm("evol-model"), num_evolutions=1),
        QualityScorer(name="quality", llm=llm("quality-model"), input_mappings={"responses": "generations"},
                      output_mappings={"scores": "quality_scores"}, use_default_structured_output=False),
        ComplexityScorer(name="complexity", llm=llm("complexity-model"),
                         output_mappings={"scores": "complexity_scores"}, use_default_structured_output=False),
        StructuredGeneration(name="structured", llm=llm("structured-model")),
    ]
    combine = CombineOutputs(name="combine")
    load >> tasks >> combine

pipeline.save(output, format="yaml")
