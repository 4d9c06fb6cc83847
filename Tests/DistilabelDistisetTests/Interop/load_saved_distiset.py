"""Loads a Distiset saved by swift-distilabel with Hugging Face `datasets`, one configuration at a time, as a user
would (`load_dataset(directory, configuration)`), and prints one JSON object on stdout:
{configuration: {split: {"rows": [...], "features": Features.to_dict()}}}.

usage: load_saved_distiset.py DIRECTORY CONFIGURATION [CONFIGURATION ...]
"""
import json
import logging
import os
import sys
import tempfile

import datasets

datasets.disable_progress_bars()
logging.disable(logging.WARNING)

directory = sys.argv[1]
result = {}
with tempfile.TemporaryDirectory() as cache:
    for configuration in sys.argv[2:]:
        loaded = datasets.load_dataset(directory, configuration, cache_dir=cache)
        result[configuration] = {
            split: {"rows": dataset.to_list(), "features": dataset.features.to_dict()}
            for split, dataset in loaded.items()
        }
print(json.dumps(result))
