"""pyarrow and fastparquet on the rows of ParquetBench (LLMRows.swift), Snappy, one thread.

usage: bench_python.py ROWS WORKDIR — prints one JSON line: NAME_wall and NAME_cpu seconds per measurement,
pyarrow_from_pylist_cpu and _wall (building the Arrow table from Python dicts: added to write_table's time for the
write from rows) and the file sizes (NAME_bytes). ParquetBench turns it into the comparison table.
"""
import datetime
import json
import os
import sys
import time

import pyarrow as pa

pa.set_cpu_count(1)
pa.set_io_thread_count(1)
import pyarrow.parquet as pq  # noqa: E402

rows_wanted = int(sys.argv[1])
work = sys.argv[2]
models = ["meta-llama/Llama-3.1-8B-Instruct", "gpt-4o-mini", "Qwen/Qwen2.5-7B-Instruct"]
utc = datetime.timezone.utc


def row(i):
    instruction = f"Write a haiku about topic #{i}."
    generation = f"Line one {i}\nLine two\nLine three — done."
    return {
        "id": i,
        "instruction": None if i % 10 == 3 else instruction,
        "generation": None if i % 13 == 5 else generation,
        "model_name": models[i % 3],
        "score": None if i % 11 == 0 else (i % 16) / 8,
        "is_valid": i % 2 == 1,
        "generations": [f"cand {i}-{j}" for j in range(i % 3)],
        "ratings": [None if j == 1 else j for j in range(i % 3)],
        "messages": [
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": instruction},
            {"role": "assistant", "content": generation},
        ],
        "distilabel_metadata": {
            "raw_output_text_generation_0": generation,
            "raw_input_text_generation_0": [{"role": "user", "content": instruction}],
            "statistics_text_generation_0": {"input_tokens": [10 + i % 50], "output_tokens": [20 + i % 70]},
        },
        "all_null": None,
        "headers": [("x-request-id", f"req-{i}")] if i % 2 == 0 else [],
        "created_at": 1_714_564_800_000_000 + i * 1_000_000,
        "created_ns": 1_714_564_800_000_000_000 + i * 1_000,
        "day": 19844 + i % 365,
        "big_text": "lorem ipsum " * (i % 5),
        "embedding": [(i % 7) * 0.5, -0.5, 0.0],
        "n_tokens": 100 + i % 500,
    }


message = pa.struct([("role", pa.string()), ("content", pa.string())])
schema = pa.schema(
    [
        ("id", pa.int64()), ("instruction", pa.string()), ("generation", pa.string()), ("model_name", pa.string()),
        ("score", pa.float64()), ("is_valid", pa.bool_()), ("generations", pa.list_(pa.string())),
        ("ratings", pa.list_(pa.int64())), ("messages", pa.list_(message)),
        ("distilabel_metadata", pa.struct([
            ("raw_output_text_generation_0", pa.string()),
            ("raw_input_text_generation_0", pa.list_(message)),
            ("statistics_text_generation_0", pa.struct([
                ("input_tokens", pa.list_(pa.int64())), ("output_tokens", pa.list_(pa.int64()))])),
        ])),
        ("all_null", pa.null()), ("headers", pa.map_(pa.string(), pa.string())),
        ("created_at", pa.timestamp("us", tz="UTC")), ("created_ns", pa.timestamp("ns")), ("day", pa.date32()),
        ("big_text", pa.large_string()), ("embedding", pa.list_(pa.float32())), ("n_tokens", pa.int32()),
    ]
)

def measure(name, action):
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    figures[name + "_wall"] = time.perf_counter() - wall
    figures[name + "_cpu"] = time.process_time() - cpu
    return result


figures = {}
batches = []
from_pylist = 0.0
from_pylist_wall = 0.0
for start in range(0, rows_wanted, 50_000):
    chunk = [row(i) for i in range(start, min(rows_wanted, start + 50_000))]
    began, began_wall = time.process_time(), time.perf_counter()
    batches.append(pa.Table.from_pylist(chunk, schema=schema))
    from_pylist += time.process_time() - began
    from_pylist_wall += time.perf_counter() - began_wall
table = pa.concat_tables(batches)
del batches

path = os.path.join(work, "pyarrow.parquet")
measure("pyarrow_write", lambda: pq.write_table(table, path, compression="snappy"))
figures["pyarrow_from_pylist_cpu"] = from_pylist
figures["pyarrow_from_pylist_wall"] = from_pylist_wall
size = os.path.getsize(path)
figures["pyarrow_bytes"] = size
# The first read_table of a process pays one-time costs (about 2.5 s here: lazy initialisation, the memory pool's
# first pages), which a reader that runs for long never pays again: read once, untimed, then measure.
pq.read_table(path, use_threads=False)
measure("pyarrow_read", lambda: pq.read_table(path, use_threads=False))
measure("pyarrow_read_plus_to_pylist", lambda: pq.read_table(path, use_threads=False).to_pylist())
swift_path = os.path.join(work, "swift.parquet")
if os.path.exists(swift_path):  # the same bytes our reader reads
    figures["swift_bytes"] = os.path.getsize(swift_path)
    measure("pyarrow_read_swift_table", lambda: pq.read_table(swift_path, use_threads=False))
    measure("pyarrow_read_swift_file", lambda: pq.read_table(swift_path, use_threads=False).to_pylist())

try:
    import fastparquet

    frame = table.to_pandas()
    nested = ["generations", "ratings", "messages", "distilabel_metadata", "all_null", "headers", "embedding"]

    def plain(value):
        if hasattr(value, "tolist"):
            value = value.tolist()
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(item) for item in value]
        return value

    for name in nested:
        frame[name] = frame[name].map(plain)
    frame["day"] = frame["day"].astype("datetime64[ns]")
    strings = ["instruction", "generation", "model_name", "big_text"]
    encodings = {**{name: "json" for name in nested}, **{name: "utf8" for name in strings}}
    fpath = os.path.join(work, "fastparquet.parquet")
    # fastparquet has no nested types: lists, structs and maps are stored as JSON text.
    measure(
        "fastparquet_write",
        lambda: fastparquet.write(fpath, frame, compression="SNAPPY", object_encoding=encodings),
    )
    figures["fastparquet_bytes"] = os.path.getsize(fpath)
    measure("fastparquet_read", lambda: fastparquet.ParquetFile(fpath).to_pandas())
except Exception as error:  # report, do not fail the other figures
    print(f"fastparquet: {type(error).__name__}: {error}"[:300])

print(json.dumps(figures))
