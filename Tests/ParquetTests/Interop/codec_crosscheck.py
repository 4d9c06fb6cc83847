"""Compresses or decompresses a file with independent implementations, for the codec cross-check tests.

usage: codec_crosscheck.py compress|decompress CODEC INPUT OUTPUT [UNCOMPRESSED_SIZE]
CODEC is snappy, gzip, zstd or lz4Raw (cramjam's raw/block formats; gzip through Python's zlib).
"""
import sys
import zlib

import cramjam

mode, codec, source, target = sys.argv[1:5]
data = open(source, "rb").read()
if mode == "compress":
    if codec == "snappy":
        out = bytes(cramjam.snappy.compress_raw(data))
    elif codec == "gzip":
        c = zlib.compressobj(6, zlib.DEFLATED, 31)
        out = c.compress(data) + c.flush()
    elif codec == "zstd":
        out = bytes(cramjam.zstd.compress(data))
    elif codec == "lz4Raw":
        out = bytes(cramjam.lz4.compress_block(data, store_size=False))
    else:
        raise SystemExit(f"unknown codec {codec}")
else:
    size = int(sys.argv[5])
    if codec == "snappy":
        out = bytes(cramjam.snappy.decompress_raw(data))
    elif codec == "gzip":
        out = zlib.decompress(data, 31)
    elif codec == "zstd":
        out = bytes(cramjam.zstd.decompress(data))
    elif codec == "lz4Raw":
        out = bytes(cramjam.lz4.decompress_block(data, output_len=size))
    else:
        raise SystemExit(f"unknown codec {codec}")
open(target, "wb").write(out)
