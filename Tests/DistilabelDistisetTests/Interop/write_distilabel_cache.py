"""Runs a small Python distilabel 1.5.3 pipeline with no LLM (LoadDataFromDicts >> KeepColumns) with its cache in
the folder given, then prints one JSON object on stdout:
{"version": ..., "execution_dir": ..., "configs": {name: rows of the train split}}.

usage: DISTILABEL_CACHE_DIR=... write_distilabel_cache.py PIPELINE_NAME
"""
import glob
import json
import logging
import os
import signal
import sys

# A process started by the Swift test runner may inherit a signal mask that blocks nearly every signal; distilabel's
# worker processes then wait forever for their parent. Start from a clean mask.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
logging.disable(logging.CRITICAL)

import distilabel  # noqa: E402
from distilabel.pipeline import Pipeline  # noqa: E402
from distilabel.steps import KeepColumns, LoadDataFromDicts  # noqa: E402

name = sys.argv[1]
data = [
    {"id": index, "instruction": f"instruction {index} é", "score": index / 4, "tags": [f"t{index}"] * (index % 3),
     "meta": {"source": "test", "rank": index}, "extra": "dropped"}
    for index in range(23)
]

with Pipeline(name=name, description="A Python distilabel pipeline written by a swift-distilabel test") as pipeline:
    load = LoadDataFromDicts(name="load_data", data=data, batch_size=5)
    keep = KeepColumns(name="keep_columns", columns=["id", "instruction", "score", "tags", "meta"])
    keep_ids = KeepColumns(name="keep_ids", columns=["id"])
    load >> [keep, keep_ids]

if __name__ == "__main__":
    distiset = pipeline.run(use_cache=False)
    cache = os.environ["DISTILABEL_CACHE_DIR"]
    # 1.5: <cache>/<name>/<signature>/executions/<subset signature>/batch_manager.json
    [manager] = glob.glob(os.path.join(cache, name, "**", "batch_manager.json"), recursive=True)
    print(json.dumps({
        "version": distilabel.__version__,
        "execution_dir": os.path.dirname(manager),
        "configs": {config: distiset[config]["train"].to_list() for config in distiset},
    }))
