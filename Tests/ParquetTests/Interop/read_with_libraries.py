"""Reads a Parquet file with pyarrow, duckdb, polars and Hugging Face datasets; prints one JSON object
{"pyarrow": rows, "duckdb": rows, "polars": rows, "datasets": rows, "features": ...} on stdout.

Values are normalised so that the libraries agree: timestamps become integer microseconds since the epoch (UTC),
dates integer days, bytes {"base64": ...}, NaN the string "NaN", maps lists of [key, value] pairs.

usage: read_with_libraries.py FILE [LIBRARY ...]
"""
import base64
import calendar
import datetime
import decimal
import json
import math
import os
import sys
import tempfile

path = sys.argv[1]
libraries = sys.argv[2:] or ["pyarrow", "duckdb", "polars", "datasets"]


def normalise(value):
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else value
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc)
        return calendar.timegm(value.timetuple()) * 1_000_000 + value.microsecond
    if isinstance(value, datetime.date):
        return (value - datetime.date(1970, 1, 1)).days
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"base64": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(item) for item in value]
    if hasattr(value, "tolist"):
        return normalise(value.tolist())
    raise TypeError(f"cannot normalise {type(value)}: {value!r}")


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
