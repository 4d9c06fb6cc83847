"""Loads a pipeline.yaml written by swift-distilabel with Python distilabel 1.5.3 (argv[1]) and prints, as JSON,
what Python rebuilt: the pipeline's name and description, each step's class, name, batch sizes, mappings and
parameters, the LLM's class and model, and the connections."""
import json
import sys

from distilabel.pipeline import Pipeline

pipeline = Pipeline.from_yaml(sys.argv[1])
steps = []
for name in pipeline.dag:
    step = pipeline.dag.get_step(name)["step"]
    entry = {"name": step.name, "class": type(step).__name__, "input_mappings": dict(step.input_mappings),
             "output_mappings": dict(step.output_mappings)}
    for field in ("batch_size", "input_batch_size", "columns", "data_files", "system_prompt", "template", "size", "samples"):
        if hasattr(step, field):
            value = getattr(step, field)
            entry[field] = value if isinstance(value, (int, str, list, type(None))) else str(value)
    llm = getattr(step, "llm", None)
    if llm is not None:
        entry["llm"] = {"class": type(llm).__name__, "model": llm.model, "base_url": getattr(llm, "base_url", None),
                        "generation_kwargs": llm.generation_kwargs}
    steps.append(entry)
connections = {name: sorted(pipeline.dag.get_step_successors(name)) for name in pipeline.dag}
print(json.dumps({"name": pipeline.name, "description": pipeline.description, "steps": steps,
                  "connections": connections}, sort_keys=True))
