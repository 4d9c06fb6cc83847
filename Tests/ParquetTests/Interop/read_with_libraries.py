"""Reads a Parquet file with pyarrow, duckdb, polars and Hugging Face datasets; prints one JSON object
{"pyarrow": rows, "duckdb": rows, "polars": rows, "datasets": rows, "features": ...} on stdout.

Values are normalised so that the libraries agree: timestamps become integer microseconds since the epoch (UTC),
dates integer days, bytes {"base64": ...}, NaN the string "NaN", maps lists of [key, value] pairs.

usage: read_with_libraries.py FILE [LIBRARY ...]
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from read_with_libraries_normalise import normalise  # noqa: E402

path = sys.argv[1]
libraries = sys.argv[2:] or ["pyarrow", "duckdb", "polars", "datasets"]

result = {}
if "pyarrow" in libraries:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    result["pyarrow"] = normalise(table.to_pylist())
if "duckdb" in libraries:
    import duckdb

    connection = duckdb.connect()
    try:
        connection.execute("SET TimeZone = 'UTC'")
    except Exception:
        pass
    cursor = connection.execute("SELECT * FROM read_parquet(?)", [path])
    names = [column[0] for column in cursor.description]
    result["duckdb"] = [normalise(dict(zip(names, row))) for row in cursor.fetchall()]
if "polars" in libraries:
    import polars

    result["polars"] = normalise(polars.read_parquet(path).to_dicts())
if "datasets" in libraries:
    import datasets

    datasets.disable_progress_bars()
    with tempfile.TemporaryDirectory() as cache:
        dataset = datasets.Dataset.from_parquet(path, cache_dir=cache, keep_in_memory=True)
        result["datasets"] = normalise(dataset.to_list())
        result["features"] = str(dataset.features)
json.dump(result, sys.stdout, ensure_ascii=False)
