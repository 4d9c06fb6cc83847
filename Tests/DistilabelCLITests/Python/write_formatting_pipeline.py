"""Writes a pipeline.yaml with Python distilabel 1.5.3's formatting steps and DataSampler.

Usage: python write_formatting_pipeline.py DATA_JSONL OUTPUT_YAML OUTPUT_WITH_DATA_YAML

The pipeline loads DATA_JSONL (written by the test) and sends its rows to each formatting step; DataSampler feeds a
KeepColumns. Python leaves DataSampler's `data` out of the file (`Field(exclude=True)`), so OUTPUT_YAML has none;
OUTPUT_WITH_DATA_YAML is the same file with the rows added to the step, as a user must do to run it again.
"""
import sys
import warnings

import yaml

warnings.filterwarnings("ignore")

from distilabel.pipeline import Pipeline  # noqa: E402
from distilabel.steps import (  # noqa: E402
    ConversationTemplate,
    DataSampler,
    FormatChatGenerationDPO,
    FormatChatGenerationSFT,
    FormatTextGenerationDPO,
    FormatTextGenerationSFT,
    KeepColumns,
    LoadDataFromFileSystem,
)

data_file, output, output_with_data = sys.argv[1], sys.argv[2], sys.argv[3]
samples = [{"q": f"question {i}", "k": i} for i in range(6)]
with Pipeline(name="python-formatting", description="Formatting steps written by Python distilabel") as pipeline:
    load = LoadDataFromFileSystem(name="load", data_files=data_file, batch_size=2)
    sft = FormatTextGenerationSFT(name="sft")
    chat_sft = FormatChatGenerationSFT(name="chat_sft")
    dpo = FormatTextGenerationDPO(name="dpo", input_batch_size=1)
    chat_dpo = FormatChatGenerationDPO(name="chat_dpo")
    conversation = ConversationTemplate(name="conversation")
    drop_models = KeepColumns(name="drop_models", columns=["messages", "generations", "ratings"])
    chat_dpo_plain = FormatChatGenerationDPO(name="chat_dpo_plain")
    load >> [sft, chat_sft, dpo, chat_dpo, conversation, drop_models]
    drop_models >> chat_dpo_plain
    sampler = DataSampler(name="sampler", data=samples, size=3, samples=7, batch_size=3)
    keep = KeepColumns(name="keep", columns=["q", "k"])
    sampler >> keep
pipeline.save(output, format="yaml")

with open(output) as file:
    document = yaml.safe_load(file)
for entry in document["pipeline"]["steps"]:
    if entry["step"]["type_info"]["name"] == "DataSampler":
        entry["step"]["data"] = samples
with open(output_with_data, "w") as file:
    yaml.safe_dump(document, file, sort_keys=False)
