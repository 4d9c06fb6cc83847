"""Writes Parquet files covering every type and writer option the reader supports, with pyarrow, and their
expected rows as JSON lines (the fixtures' conventions: bytes as {"base64"}, ISO-8601 temporals, DECIMAL as a
string, MAP as [[key, value], ...], NaN/Infinity as strings).

usage: reader_types.py OUTDIR   (prints one file name per line)
"""
import base64
import datetime
import decimal
import json
import math
import os
import random
import sys

import pyarrow as pa
import pyarrow.parquet as pq

out = sys.argv[1]
rng = random.Random(42)
N = 60


def maybe(value, p=0.2):
    return None if rng.random() < p else value


def text(n):
    return "".join(rng.choice("abcdéü✓ xyz") for _ in range(n))


utc = datetime.timezone.utc
base = datetime.datetime(2024, 5, 1, 12, 0, 0)
columns = {
    "i8": (pa.int8(), lambda i: maybe(rng.randint(-128, 127))),
    "i16": (pa.int16(), lambda i: maybe(rng.randint(-32768, 32767))),
    "i32": (pa.int32(), lambda i: maybe(rng.randint(-(2**31), 2**31 - 1))),
    "i64": (pa.int64(), lambda i: maybe(rng.randint(-(2**63), 2**63 - 1))),
    "u8": (pa.uint8(), lambda i: maybe(rng.randint(0, 255))),
    "u16": (pa.uint16(), lambda i: maybe(rng.randint(0, 65535))),
    "u32": (pa.uint32(), lambda i: maybe(rng.randint(0, 2**32 - 1))),
    "u64": (pa.uint64(), lambda i: maybe(rng.choice([0, 2**64 - 1, rng.randint(0, 2**64 - 1)]))),
    "f32": (pa.float32(), lambda i: maybe(rng.choice([1.5, -0.0, float("nan"), float("inf"), rng.random()]))),
    "f64": (pa.float64(), lambda i: maybe(rng.choice([1e300, -2.5, float("-inf"), rng.random()]))),
    "f16": (pa.float16(), lambda i: maybe(rng.choice([0.5, -2.0, 65504.0, 1.0]))),
    "flag": (pa.bool_(), lambda i: maybe(rng.random() < 0.5)),
    "s": (pa.string(), lambda i: maybe(text(rng.randint(0, 12)))),
    "ls": (pa.large_string(), lambda i: maybe(text(3))),
    "cat": (pa.dictionary(pa.int32(), pa.string()), lambda i: maybe(rng.choice(["red", "green", "blue"]))),
    "b": (pa.binary(), lambda i: maybe(bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 5))))),
    "fb": (pa.binary(4), lambda i: maybe(bytes(rng.randint(0, 255) for _ in range(4)))),
    "d": (pa.date32(), lambda i: maybe(datetime.date(1900, 1, 1) + datetime.timedelta(days=rng.randint(0, 70000)))),
    "ts_ms": (pa.timestamp("ms"), lambda i: maybe(base + datetime.timedelta(milliseconds=rng.randint(-10**12, 10**12)))),
    "ts_us_utc": (pa.timestamp("us", tz="UTC"),
                  lambda i: maybe((base + datetime.timedelta(microseconds=rng.randint(0, 10**12))).replace(tzinfo=utc))),
    "ts_ns": (pa.timestamp("ns"), lambda i: maybe(base + datetime.timedelta(microseconds=rng.randint(-10**9, 10**9)))),
    "t_ms": (pa.time32("ms"), lambda i: maybe(datetime.time(rng.randint(0, 23), rng.randint(0, 59), 7, 123000))),
    "t_us": (pa.time64("us"), lambda i: maybe(datetime.time(rng.randint(0, 23), 1, 2, rng.randint(0, 999999)))),
    "dec9": (pa.decimal128(9, 2), lambda i: maybe(decimal.Decimal(rng.randint(-10**8, 10**8)) / 100)),
    "dec18": (pa.decimal128(18, 4), lambda i: maybe(decimal.Decimal(rng.randint(-10**17, 10**17)).scaleb(-4))),
    "dec38": (pa.decimal128(38, 10), lambda i: maybe(decimal.Decimal(rng.randint(-10**37, 10**37)).scaleb(-10))),
    "nul": (pa.null(), lambda i: None),
    "li": (pa.list_(pa.int64()), lambda i: maybe([maybe(rng.randint(-5, 5)) for _ in range(rng.randint(0, 4))])),
    "lls": (pa.list_(pa.list_(pa.string())),
            lambda i: maybe([maybe([maybe(text(2)) for _ in range(rng.randint(0, 3))]) for _ in range(rng.randint(0, 3))])),
    "lst": (pa.list_(pa.struct([("role", pa.string()), ("n", pa.list_(pa.int32()))])),
            lambda i: maybe([maybe({"role": maybe(text(2)), "n": maybe([rng.randint(0, 9) for _ in range(rng.randint(0, 2))])})
                             for _ in range(rng.randint(0, 3))])),
    "st": (pa.struct([("x", pa.struct([("y", pa.int32()), ("z", pa.string())])), ("w", pa.float64())]),
           lambda i: maybe({"x": maybe({"y": maybe(i), "z": maybe(text(1))}), "w": maybe(i / 4)})),
    "m": (pa.map_(pa.string(), pa.int64()),
          lambda i: maybe([(f"k{j}", maybe(j * i)) for j in range(rng.randint(0, 3))])),
    "ml": (pa.map_(pa.int32(), pa.list_(pa.string())),
           lambda i: maybe([(j, maybe([text(1)] * rng.randint(0, 2))) for j in range(rng.randint(0, 2))])),
}
data = {name: [make(i) for i in range(N)] for name, (_, make) in columns.items()}
table = pa.table({name: pa.array(data[name], type=columns[name][0]) for name in columns})


def encode(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode()}
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # pandas.Timestamp
        return value.isoformat()
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars (float16)
        return encode(value.item())
    return value


variants = {
    "types_v1_dict_snappy.parquet": dict(),
    "types_v2_plain_zstd.parquet": dict(data_page_version="2.0", use_dictionary=False, compression="zstd"),
    "types_small_pages_gzip.parquet": dict(data_page_size=64, row_group_size=17, compression="gzip",
                                           dictionary_pagesize_limit=40),
    "types_v2_dict_lz4.parquet": dict(data_page_version="2.0", compression="lz4"),
    "types_delta_none.parquet": dict(
        use_dictionary=False, compression="none",
        column_encoding={"i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "u32": "DELTA_BINARY_PACKED",
                         "s": "DELTA_BYTE_ARRAY", "ls": "DELTA_LENGTH_BYTE_ARRAY", "b": "DELTA_LENGTH_BYTE_ARRAY",
                         "f32": "BYTE_STREAM_SPLIT", "f64": "BYTE_STREAM_SPLIT", "dec18": "BYTE_STREAM_SPLIT",
                         "fb": "BYTE_STREAM_SPLIT", "d": "BYTE_STREAM_SPLIT"}),
}
rows = [{k: encode(v) for k, v in row.items()} for row in table.to_pylist()]
with open(os.path.join(out, "types.expected.jsonl"), "w") as handle:
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
for name, options in variants.items():
    pq.write_table(table, os.path.join(out, name), **options)
    print(name)
