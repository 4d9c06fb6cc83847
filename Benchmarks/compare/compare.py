"""The driver of Benchmarks/compare.sh (run it through that script, which prepares the virtual environment and our
release build). Runs the chosen workloads, prints a table of medians and ratios, writes Benchmarks/results.json.
"""
import argparse
import datetime
import json
import os
import platform
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import native  # noqa: E402
import workloads  # noqa: E402

WORKLOADS = {
    "1": ("LoadDataFromFileSystem -> KeepColumns -> KeepColumns", workloads.keep_columns),
    "2": ("TextGeneration(OpenAILLM) on a local server", workloads.text_generation),
    "3": ("re-run of a finished pipeline", workloads.rerun_finished),
    "4": ("SIGINT halfway through workload 2, then resume", workloads.interrupt_resume),
    "5": ("start-up: a 1-row pipeline", workloads.startup),
    "6": ("Parquet write/read (vs pyarrow, fastparquet)", native.parquet),
    "7": ("embedded model decode (vs llama.cpp server)", native.embedded_model),
}


def output(command, cwd=None):
    try:
        return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "n/a"


def machine():
    memory = "n/a"
    with open("/proc/meminfo") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1_048_576:.1f} GiB"
    model = "n/a"
    with open("/proc/cpuinfo") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {"cores": os.cpu_count(), "memory": memory, "cpu": model, "kernel": platform.release(),
            "load_average_start": load_average()}


def load_average():
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


def versions(context):
    code = ("import distilabel, pyarrow, fastparquet, sys; "
            "print(distilabel.__version__, pyarrow.__version__, fastparquet.__version__, sys.version.split()[0])")
    theirs = output([context.python, "-c", code]).split()
    theirs += ["n/a"] * (4 - len(theirs))
    return {
        "ours": "swift-distilabel " + output(["git", "describe", "--always", "--dirty"], cwd=context.root),
        "swift": output(["swift", "--version"]).splitlines()[0] if output(["swift", "--version"]) else "n/a",
        "distilabel": theirs[0], "pyarrow": theirs[1], "fastparquet": theirs[2], "python": theirs[3],
    }


def print_table(results):
    rows = [("workload", "metric", "ours", "theirs", "ours/theirs")]
    for key, result in results.items():
        if "skipped" in result:
            rows.append((key, "skipped: " + result["skipped"], "", "", ""))
            continue
        for row in result["rows"]:
            rows.append((key, row["metric"], row["ours"], row["theirs"], row["ratio"]))
        if result.get("note"):
            rows.append((key, result["note"], "", "", ""))
    widths = [max(len(str(row[i])) for row in rows if len(row[1]) < 90 or i != 1) for i in range(5)]
    widths[1] = min(widths[1], 70)
    for index, row in enumerate(rows):
        print("  ".join(str(cell).ljust(widths[i]) if i < 2 else str(cell).rjust(widths[i])
                        for i, cell in enumerate(row)).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def markdown(results, info):
    """The table in Markdown (for the README), with its date, machine and load."""
    lines = [f"{info['date']}, {info['machine']['cores']} cores, {info['machine']['memory']}, load average "
             f"{info['machine']['load_average_start']} -> {info['machine']['load_average_end']}; "
             f"{'quick' if info['options']['quick'] else 'full'} run, {info['options']['pairs']} pair(s)", "",
             "| # | metric | ours | Python | ours/Python |", "|---|---|---|---|---|"]
    for key, result in results.items():
        if "skipped" in result:
            lines.append(f"| {key} | skipped: {result['skipped']} | | | |")
            continue
        for row in result["rows"]:
            lines.append(f"| {key} | {row['metric'].strip()} | {row['ours']} | {row['theirs']} | {row['ratio']} |")
        if result.get("note"):
            lines.append(f"| {key} | {result['note']} | | | |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", required=True, help="the Benchmarks folder")
    parser.add_argument("--quick", action="store_true", help="small N and one pair (a smoke run)")
    parser.add_argument("--only", action="append", default=[], help="workloads to run, e.g. 1,3 (repeatable)")
    parser.add_argument("--pairs", type=int, default=3, help="ours/theirs pairs per measurement (default 3)")
    parser.add_argument("--limit", type=float, default=None,
                        help="seconds one pipeline run may take before it is reported as hung (default 600; 180 "
                             "with --quick)")
    options = parser.parse_args()
    options.limit = options.limit or (180.0 if options.quick else 600.0)
    chosen = [part.strip() for item in options.only for part in item.split(",") if part.strip()] or list(WORKLOADS)
    unknown = [key for key in chosen if key not in WORKLOADS]
    if unknown:
        parser.error(f"unknown workload(s) {', '.join(unknown)}: choose from 1-7")

    # compare.sh sends SIGTERM (on Ctrl+C or exit): unwind so that every server and run started is ended.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    context = workloads.Context(options)
    started = datetime.datetime.now(datetime.timezone.utc)
    info = {"date": started.strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(), "versions": versions(context),
            "options": {"quick": options.quick, "pairs": context.pairs, "limit_s": options.limit,
                        "workloads": chosen}}
    print(f"machine: {info['machine']['cores']} cores, {info['machine']['memory']}, {info['machine']['cpu']}; "
          f"load average {info['machine']['load_average_start']}")
    print("versions: " + ", ".join(f"{key} {value}" for key, value in info["versions"].items()))
    print(f"{'quick' if options.quick else 'full'} run: {context.pairs} pair(s) ours/theirs per measurement, "
          f"time limit {options.limit:.0f} s per run; logs in {context.logs}", flush=True)

    results = {}
    try:
        for key in chosen:
            title, function = WORKLOADS[key]
            print(f"\n[{key}] {title}", flush=True)
            began = time.monotonic()
            try:
                results[key] = function(context)
            except Exception as error:  # one broken workload must not hide the others
                results[key] = {"skipped": f"{type(error).__name__}: {error}"[:300]}
            finally:
                context.stop_servers()
            results[key]["title"] = title
            results[key]["seconds"] = round(time.monotonic() - began, 1)
            if "skipped" in results[key]:
                print(f"    skipped: {results[key]['skipped']}", flush=True)
    finally:
        context.stop_servers()
        info["machine"]["load_average_end"] = load_average()
        info["workloads"] = results
        path = os.path.join(context.bench, "results.json")
        with open(path, "w") as handle:
            json.dump(info, handle, indent=2, default=str)

    print(f"\n== swift-distilabel vs Python distilabel {info['versions']['distilabel']} — {info['date']}, "
          f"{info['machine']['cores']} cores, {info['machine']['memory']}, load average "
          f"{info['machine']['load_average_start']} -> {info['machine']['load_average_end']}")
    print("medians; ratio = ours / theirs of the figure (rows/s, tokens/s: higher is better; s, MB: lower is better)")
    print_table(results)
    table = os.path.join(context.work, "table.md")
    with open(table, "w") as handle:
        handle.write(markdown(results, info))
    print(f"\nresults: {path} (and in Markdown: {table})")


if __name__ == "__main__":
    main()
