"""Runs Python distilabel 1.5.3's formatting steps on rows and prints what they return, as JSON.

Usage: python run_formatting_steps.py CASES_JSON
CASES_JSON holds a list of cases: {"step": CLASS_NAME, "rows": [...]} runs `next(step.process(rows))` and gives
{"rows": [...]} or {"error": "TypeError"} when the step raises (a Python pipeline then fills the batch's outputs
with None); {"sha256": [texts]} gives {"digests": [hashlib.sha256(text.encode("utf-8")).hexdigest(), ...]};
{"step": "DataSampler", "data": [...], "size": S, "samples": N, "batch_size": B} gives {"batches": [[rows...]]}
(random draws: only their shape can be compared).
"""
import copy
import json
import sys
import hashlib
import warnings

warnings.filterwarnings("ignore")

from distilabel.steps import (  # noqa: E402
    ConversationTemplate,
    DataSampler,
    FormatChatGenerationDPO,
    FormatChatGenerationSFT,
    FormatTextGenerationDPO,
    FormatTextGenerationSFT,
)

STEPS = {
    cls.__name__: cls
    for cls in (
        ConversationTemplate,
        FormatChatGenerationDPO,
        FormatChatGenerationSFT,
        FormatTextGenerationDPO,
        FormatTextGenerationSFT,
    )
}


def run(case):
    if "sha256" in case:
        return {"digests": [hashlib.sha256(text.encode("utf-8")).hexdigest() for text in case["sha256"]]}
    if case["step"] == "DataSampler":
        step = DataSampler(
            data=case["data"], size=case["size"], samples=case["samples"], batch_size=case["batch_size"]
        )
        step.load()
        return {"batches": [batch for batch, _ in step.process()], "outputs": step.outputs}
    step = STEPS[case["step"]]()
    step.load()
    try:
        return {"rows": next(step.process(copy.deepcopy(case["rows"])))}
    except Exception as error:  # the pipeline imputes None outputs for the batch
        return {"error": type(error).__name__}


with open(sys.argv[1]) as file:
    cases = json.load(file)
print(json.dumps([run(case) for case in cases], ensure_ascii=False))
