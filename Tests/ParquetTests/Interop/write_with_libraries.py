"""Writes LLM-shaped rows with pyarrow, duckdb, polars, Hugging Face datasets and fastparquet into OUTDIR, and
prints {"<writer>": rows} on stdout: each file's rows as pyarrow reads them back, normalised like
read_with_libraries.py (timestamps in microseconds, maps as [key, value] pairs).

usage: write_with_libraries.py OUTDIR
"""
import datetime
import json
import os
import sys

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(__file__))
from read_with_libraries_normalise import normalise  # noqa: E402

out = sys.argv[1]
texts = ["Hello", "héllo wörld", "日本語のテキスト", "emoji 🎉 ok", "", 'line\nbreak "quoted"']
rows = []
for i in range(200):
    text = texts[i % len(texts)]
    messages = [{"role": "user", "content": text}, {"role": "assistant", "content": f"answer {i}"}]
    rows.append(
        {
            "id": i * 1_000_003 - 7,
            "instruction": None if i % 7 == 3 else f"Instruction {i}: {text}",
            "score": None if i % 8 == 1 else i / 4 - 3.5,
            "is_valid": i % 3 == 0,
            "generations": None if i % 5 == 4 else [f"gen {j} {text}" for j in range(i % 3)],
            "ratings": [None if j == 1 else i + j for j in range(i % 4)],
            "messages": messages,
            "distilabel_metadata": None
            if i % 6 == 5
            else {
                "raw_output_text_generation_0": None if i % 4 == 0 else f"raw {text}",
                "raw_input_text_generation_0": messages,
                "statistics_text_generation_0": {"input_tokens": [10 + i], "output_tokens": [i % 9, 3]},
            },
            "created_at": datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
            + datetime.timedelta(seconds=i, microseconds=i),
            "day": datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
            "n_tokens": i % 1000,
        }
    )
table = pa.Table.from_pylist(rows)
table = table.set_column(table.schema.get_field_index("n_tokens"), "n_tokens", table["n_tokens"].cast(pa.int32()))
with_map = table.append_column(
    "headers", pa.array([[("k", str(i)), ("x", None)] for i in range(len(rows))], pa.map_(pa.string(), pa.string()))
)

paths = {}
paths["pyarrow_snappy"] = os.path.join(out, "pyarrow_snappy.parquet")
pq.write_table(with_map, paths["pyarrow_snappy"], row_group_size=64, data_page_size=512)
paths["pyarrow_zstd_v2"] = os.path.join(out, "pyarrow_zstd_v2.parquet")
pq.write_table(with_map, paths["pyarrow_zstd_v2"], compression="zstd", data_page_version="2.0", use_dictionary=False)
paths["pyarrow_gzip_lz4"] = os.path.join(out, "pyarrow_gzip.parquet")
pq.write_table(table, paths["pyarrow_gzip_lz4"], compression="gzip")
paths["pyarrow_lz4"] = os.path.join(out, "pyarrow_lz4.parquet")
pq.write_table(table, paths["pyarrow_lz4"], compression="lz4")

import duckdb  # noqa: E402

paths["duckdb"] = os.path.join(out, "duckdb.parquet")
connection = duckdb.connect()
connection.register("source", with_map)
connection.execute(f"COPY (SELECT * FROM source) TO '{paths['duckdb']}' (FORMAT parquet)")

import polars  # noqa: E402

paths["polars"] = os.path.join(out, "polars.parquet")
polars.from_arrow(with_map).write_parquet(paths["polars"])

import datasets  # noqa: E402

datasets.disable_progress_bars()
paths["datasets"] = os.path.join(out, "datasets.parquet")
datasets.Dataset(table).to_parquet(paths["datasets"])

result = {name: normalise(pq.read_table(path).to_pylist()) for name, path in paths.items()}
result["paths"] = paths
json.dump(result, sys.stdout, ensure_ascii=False)
