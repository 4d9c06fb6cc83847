"""Writes a pipeline.yaml with Python distilabel 1.5.3 (argv[1]: data file, argv[2]: output path).

The pipeline reads a JSON Lines file, keeps two columns and generates a text for each row with an LLM class named
MockLLM (defined here, as swift-distilabel's test LLM is named), so the Swift CLI can run it without a server.
"""
import sys
from typing import Any, List

from distilabel.models.llms.base import LLM
from distilabel.pipeline import Pipeline
from distilabel.steps import KeepColumns, LoadDataFromFileSystem
from distilabel.steps.tasks import TextGeneration


class MockLLM(LLM):
    model: str = "mock-model"

    @property
    def model_name(self) -> str:
        return self.model

    def load(self) -> None:
        super().load()

    def generate(self, inputs: List[Any], num_generations: int = 1, **kwargs: Any) -> List[Any]:
        return [{"generations": ["x"] * num_generations, "statistics": {}} for _ in inputs]


data_file, output = sys.argv[1], sys.argv[2]
with Pipeline(name="python-written", description="Written by Python distilabel") as pipeline:
    load = LoadDataFromFileSystem(name="load_data", data_files=data_file, filetype="json", batch_size=2)
    keep = KeepColumns(name="keep", columns=["instruction", "id"])
    generate = TextGeneration(
        name="generate", llm=MockLLM(model="mock-model", generation_kwargs={"temperature": 0.5}), input_batch_size=3
    )
    load >> keep >> generate
pipeline.save(output, format="yaml")
