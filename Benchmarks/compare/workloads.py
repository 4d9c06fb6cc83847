"""The seven workloads of Benchmarks/compare.sh, ours (the Swift `distilabel` command line) against Python
distilabel 1.5.3 (and pyarrow/fastparquet, llama.cpp). Each function returns a dict with "rows" (lines of the
table: metric, ours, theirs, ratio) and "samples" (every measurement), or {"skipped": reason}.
"""
import glob
import json
import os
import re
import shutil
import signal
import socket
import statistics
import string
import subprocess
import sys
import time
import urllib.request

import runner


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_json(url, body=None, timeout=5.0):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"{}")


class Context:
    """Paths, options and the two command lines."""

    def __init__(self, options):
        self.options = options
        self.bench = os.path.abspath(options.bench)
        self.root = os.path.dirname(self.bench)
        self.work = os.path.join(self.bench, ".work")
        self.logs = os.path.join(self.work, "logs")
        os.makedirs(self.logs, exist_ok=True)
        self.ours = os.path.join(self.root, ".build", "release", "distilabel")
        self.venv = os.path.join(self.bench, ".venv")
        self.python = os.path.join(self.venv, "bin", "python")
        self.theirs = os.path.join(self.venv, "bin", "distilabel")
        self.quick = options.quick
        self.pairs = 1 if options.quick else options.pairs
        self.limit = options.limit
        self.servers = []

    def log(self, name):
        return os.path.join(self.logs, name + ".log")

    def env(self, cache, hf_cache=None):
        env = dict(os.environ)
        env.update(
            DISTILABEL_CACHE_DIR=cache, OPENAI_API_KEY="sk-bench-local", HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1",
            HF_HUB_DISABLE_TELEMETRY="1", PYTHONWARNINGS="ignore",
            TOKENIZERS_PARALLELISM="false")
        # Python's `datasets` caches the JSON it loads: each fresh run gets a fresh one (as a first run would).
        env["HF_DATASETS_CACHE"] = hf_cache or os.path.join(cache, "hf-datasets")
        return env

    def data_file(self, rows):
        """The shared JSON Lines input with `rows` rows, generated once (deterministic)."""
        path = os.path.join(self.work, f"rows-{rows}.jsonl")
        if not os.path.exists(path):
            categories = ["math", "code", "writing", "trivia"]
            with open(path + ".tmp", "w") as handle:
                for i in range(rows):
                    handle.write(json.dumps({
                        "id": i, "instruction": f"Write a short answer to question number {i}.",
                        "category": categories[i % 4], "score": (i % 16) / 8, "source": f"bench-{i % 97}",
                        "notes": "lorem ipsum " * (i % 5)}) + "\n")
            os.replace(path + ".tmp", path)
        return path

    def config(self, template, name, **values):
        """Benchmarks/workloads/TEMPLATE.yaml with `values` filled in, written as .work/NAME.yaml."""
        with open(os.path.join(self.bench, "workloads", template + ".yaml")) as handle:
            text = string.Template(handle.read()).substitute(**{key: str(value) for key, value in values.items()})
        path = os.path.join(self.work, name + ".yaml")
        with open(path, "w") as handle:
            handle.write(text)
        return path

    def command(self, side, config, extra=()):
        binary = self.ours if side == "ours" else self.theirs
        return [binary, "pipeline", "run", "--config", config, *extra]

    def fresh(self, name):
        path = os.path.join(self.work, "runs", name)
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        return path

    def run_pipeline(self, side, config, cache, name, limit=None, extra=(), hf_cache=None):
        limit = limit or self.limit
        result = runner.run(
            self.command(side, config, extra), limit, env=self.env(cache, hf_cache), log_path=self.log(name))
        result["ok"] = result["rc"] == 0
        return result

    def start_server(self, latency_ms):
        port = free_port()
        script = os.path.join(self.bench, "compare", "mock_openai.py")
        server = runner.Measured(
            [sys.executable, script, port, latency_ms], log_path=self.log(f"server-{latency_ms}ms"), interval=1.0)
        self.servers.append(server)
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                http_json(url + "/stats")
                return url
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"the mock server on port {port} did not start (see {self.log('server')})")

    def stop_servers(self):
        for server in self.servers:
            server.finish()
        self.servers = []


def pairs(context, label, measure_ours, measure_theirs, skip_theirs_after_timeout=True):
    """Alternates ours/theirs `context.pairs` times; stops repeating theirs once it timed out."""
    samples = {"ours": [], "theirs": []}
    for index in range(context.pairs):
        samples["ours"].append(measure_ours(index))
        print(f"    {label} pair {index + 1}: ours {describe(samples['ours'][-1])}", flush=True)
        if skip_theirs_after_timeout and any(sample.get("timed_out") for sample in samples["theirs"]):
            print(f"    {label} pair {index + 1}: theirs not repeated (it timed out before)", flush=True)
            continue
        samples["theirs"].append(measure_theirs(index))
        print(f"    {label} pair {index + 1}: theirs {describe(samples['theirs'][-1])}", flush=True)
    return samples


def describe(sample):
    if sample.get("timed_out"):
        return f"timed out after {sample['wall']:.0f} s"
    if "tokens_per_s" in sample:
        rate = sample["tokens_per_s"]
        return f"{rate:.1f} tokens/s" if rate is not None else "no decode figure (FAILED)"
    parts = [f"{sample['wall']:.2f} s"]
    if "rss_mb" in sample:
        parts.append(f"{sample['rss_mb']:.0f} MB")
    if not sample.get("ok", True):
        parts.append(f"FAILED rc={sample.get('rc')}")
    return ", ".join(parts)


def rate_row(metric, samples, count, limit, key="wall"):
    """A rows/s (or requests/s) line from wall times; a timed-out side reads '< N/limit'."""
    def side(name):
        runs = samples[name]
        if not runs:
            return None, "-"
        if any(run.get("timed_out") for run in runs):
            return None, f"timeout >{limit:.0f}s (<{count / limit:.0f})"
        if not all(run.get("ok", True) for run in runs):
            return None, "failed"
        value = median([count / run[key] for run in runs])
        return value, f"{value:,.0f}"
    ours, ours_text = side("ours")
    theirs, theirs_text = side("theirs")
    if ours and theirs:
        ratio = f"{ours / theirs:.2f}x"
    elif ours and theirs_text.startswith("timeout"):
        ratio = f">{ours * limit / count:.1f}x"  # theirs < count/limit rows/s
    else:
        ratio = "-"
    return {"metric": metric, "ours": ours_text, "theirs": theirs_text, "ratio": ratio, "better": "higher",
            "ours_value": ours, "theirs_value": theirs}


def value_row(metric, ours, theirs, unit="", better="lower", digits=2):
    def text(value):
        return "-" if value is None else (f"{value:,.{digits}f}{unit}" if isinstance(value, float) else str(value))
    numbers = isinstance(ours, (int, float)) and isinstance(theirs, (int, float)) and theirs
    # Counts that must be 0 or N are compared as they are, not as a ratio.
    ratio = f"{ours / theirs:.2f}x" if numbers and better in ("lower", "higher") else "-"
    return {"metric": metric, "ours": text(ours), "theirs": text(theirs), "ratio": ratio, "better": better,
            "ours_value": ours, "theirs_value": theirs}


def ok_median(runs, key):
    return median([run[key] for run in runs if run.get("ok", True) and not run.get("timed_out")])


# Workload 1 ----------------------------------------------------------------------------------------------------

def keep_columns(context):
    sizes = [1_000] if context.quick else [10_000, 100_000]
    rows, samples = [], {}
    for count in sizes:
        data = context.data_file(count)
        for batch in (50, 1000):
            label = f"N={count // 1000}k batch={batch}" if count >= 1000 else f"N={count} batch={batch}"
            config = context.config("keep", f"keep-{count}-{batch}", DATA=data, BATCH=batch)

            def measure(side, index, count=count, batch=batch, config=config):
                cache = context.fresh(f"w1-{side}-{count}-{batch}")
                return context.run_pipeline(side, config, cache, f"w1-{side}-{count}-{batch}-{index}")
            runs = pairs(context, label, lambda i: measure("ours", i), lambda i: measure("theirs", i))
            samples[label] = runs
            rows.append(rate_row(f"{label}: rows/s", runs, count, context.limit))
            rows.append(value_row(f"{label}: peak RSS (tree)", ok_median(runs["ours"], "rss_mb"),
                                  ok_median(runs["theirs"], "rss_mb"), unit=" MB", digits=0))
    return {"rows": rows, "samples": samples}


# Workload 2 ----------------------------------------------------------------------------------------------------

def text_generation(context):
    count = 500 if context.quick else 5_000
    data = context.data_file(count)
    rows, samples = [], {}
    for latency in (0, 20):
        url = context.start_server(latency)
        try:
            config = context.config("generate", f"generate-{count}-{latency}ms", DATA=data, BATCH=50,
                                    BASE_URL=url + "/v1")
            label = f"N={count} latency={latency}ms"

            def measure(side, index, config=config, url=url, latency=latency):
                http_json(url + "/reset", {})
                cache = context.fresh(f"w2-{side}-{latency}")
                result = context.run_pipeline(side, config, cache, f"w2-{side}-{latency}ms-{index}")
                stats = http_json(url + "/stats")
                result["requests"] = stats["requests"]
                window = (stats["last"] or 0) - (stats["first"] or 0)
                result["server_rps"] = stats["requests"] / window if window > 0 else None
                return result
            runs = pairs(context, label, lambda i: measure("ours", i), lambda i: measure("theirs", i))
            samples[label] = runs
            rows.append(rate_row(f"{label}: rows/s", runs, count, context.limit))
            rows.append(value_row(f"{label}: requests/s at the server", ok_median(runs["ours"], "server_rps"),
                                  ok_median(runs["theirs"], "server_rps"), better="higher", digits=0))
            rows.append(value_row(f"{label}: requests seen (N={count})", ok_median(runs["ours"], "requests"),
                                  ok_median(runs["theirs"], "requests"), better="=N", digits=0))
        finally:
            context.stop_servers()
    return {"rows": rows, "samples": samples}


# Workload 3 ----------------------------------------------------------------------------------------------------

def rerun_finished(context):
    count, batch = (2_000, 1000) if context.quick else (100_000, 1000)
    data = context.data_file(count)
    config = context.config("keep", f"keep-{count}-{batch}", DATA=data, BATCH=batch)
    caches, prepared = {}, {}
    for side in ("ours", "theirs"):
        caches[side] = context.fresh(f"w3-{side}")
        prepared[side] = context.run_pipeline(side, config, caches[side], f"w3-{side}-first")
        print(f"    first run ({side}): {describe(prepared[side])}", flush=True)
    if not prepared["ours"]["ok"]:
        return {"skipped": f"our first run failed (see {context.log('w3-ours-first')})"}

    def measure(side, index):
        if not prepared[side]["ok"]:
            return {"wall": 0, "ok": False, "rc": prepared[side]["rc"], "timed_out": prepared[side]["timed_out"]}
        return context.run_pipeline(side, config, caches[side], f"w3-{side}-{index}")
    runs = pairs(context, f"re-run N={count // 1000}k", lambda i: measure("ours", i), lambda i: measure("theirs", i))
    theirs = ok_median(runs["theirs"], "wall")
    if not prepared["theirs"]["ok"]:
        theirs = "first run timed out" if prepared["theirs"]["timed_out"] else "first run failed"
    rows = [value_row(f"re-run of a finished N={count // 1000}k batch={batch}: wall s", ok_median(runs["ours"], "wall"),
                      theirs, unit=" s"),
            value_row("  (first run, for reference): wall s", prepared["ours"]["wall"],
                      prepared["theirs"]["wall"] if prepared["theirs"]["ok"] else None, unit=" s")]
    return {"rows": rows, "samples": {"first": prepared, "reruns": runs}}


# Workload 4 ----------------------------------------------------------------------------------------------------

def leaf_ids(side, cache, output):
    """Row ids in the final dataset: ours from the saved Distiset (--output), theirs from its cache's leaf data."""
    import pyarrow.parquet as pq
    if side == "ours":
        files = glob.glob(os.path.join(output, "**", "*.parquet"), recursive=True)
    else:
        files = glob.glob(os.path.join(cache, "**", "steps_outputs", "text_generation", "*.parquet"), recursive=True)
    ids = []
    for path in files:
        ids.extend(pq.read_table(path, columns=["id"]).column("id").to_pylist())
    return ids


def interrupt_resume(context):
    count = 500 if context.quick else 5_000
    latency, stop_limit = 20, 60.0
    data = context.data_file(count)
    url = context.start_server(latency)
    rows, samples = [], {}
    try:
        config = context.config("generate", f"generate-{count}-{latency}ms", DATA=data, BATCH=50,
                                BASE_URL=url + "/v1")

        def measure(side, index):
            http_json(url + "/reset", {})
            cache = context.fresh(f"w4-{side}")
            output = os.path.join(cache, "dataset")
            env = context.env(cache)
            result = {"ok": False, "wall": 0.0, "stop_hang": False, "timed_out": False, "resume_ok": False,
                      "requests_total": None}
            try:
                first = runner.Measured(context.command(side, config), env=env,
                                        log_path=context.log(f"w4-{side}-{index}"))
            except OSError as error:
                result["error"] = str(error)
                return result
            try:
                while first.process.poll() is None and http_json(url + "/stats")["requests"] < count // 2:
                    if first.elapsed() > context.limit:
                        break
                    time.sleep(0.02)
                result["interrupted_at_requests"] = http_json(url + "/stats")["requests"]
                result["interrupted_after"] = first.elapsed()
                first.signal_group(signal.SIGINT)
                sent = time.monotonic()
                stopped = first.wait(stop_limit)
                result["stop_seconds"] = time.monotonic() - sent
                result["stop_rc"] = first.process.returncode if stopped else None
                result["stop_hang"] = not stopped
            finally:
                first.finish()
            extra = ["--output", output] if side == "ours" else []
            resumed = context.run_pipeline(side, config, cache, f"w4-{side}-{index}-resume", extra=extra)
            result.update(wall=resumed["wall"], resume_rc=resumed["rc"], timed_out=resumed["timed_out"],
                          resume_ok=resumed["ok"])
            try:
                ids = leaf_ids(side, cache, output)
                result.update(rows_final=len(ids), lost=count - len(set(ids)), duplicated=len(ids) - len(set(ids)))
            except Exception as error:  # a side that left no readable dataset: report it
                result.update(rows_final=None, lost=None, duplicated=None, count_error=str(error)[:200])
            result["requests_total"] = http_json(url + "/stats")["requests"]
            result["ok"] = resumed["ok"]
            return result
        runs = pairs(context, f"SIGINT+resume N={count}", lambda i: measure("ours", i), lambda i: measure("theirs", i))
        samples = runs

        def outcome(side):
            hangs = sum(1 for run in runs[side] if run["stop_hang"])
            timeouts = sum(1 for run in runs[side] if run["timed_out"])
            failed = sum(1 for run in runs[side] if not run["resume_ok"] and not run["timed_out"])
            if not runs[side]:
                return "-"
            parts = [f"{len(runs[side]) - hangs - timeouts - failed}/{len(runs[side])} completed"]
            if hangs:
                parts.append(f"{hangs} did not stop within {stop_limit:.0f}s of SIGINT (killed)")
            if timeouts:
                parts.append(f"{timeouts} resume(s) hung >{context.limit:.0f}s")
            if failed:
                parts.append(f"{failed} resume(s) failed")
            return "; ".join(parts)

        def total(side, key):
            values = [run[key] for run in runs[side] if run.get(key) is not None]
            return sum(values) if values else None
        rows.append(value_row(f"N={count} {latency}ms, SIGINT at N/2 then resume: outcome", outcome("ours"),
                              outcome("theirs"), better="-"))
        rows.append(value_row("  time from SIGINT to exit", ok_median(runs["ours"], "stop_seconds"),
                              median([run["stop_seconds"] for run in runs["theirs"] if not run["stop_hang"]]),
                              unit=" s"))
        rows.append(value_row("  resume: time to finish", ok_median(runs["ours"], "wall"),
                              ok_median(runs["theirs"], "wall"), unit=" s"))
        rows.append(value_row("  rows lost (all pairs)", total("ours", "lost"), total("theirs", "lost"), better="0"))
        rows.append(value_row("  rows duplicated (all pairs)", total("ours", "duplicated"),
                              total("theirs", "duplicated"), better="0"))
        rows.append(value_row("  requests sent in all (N each)", median([r["requests_total"] for r in runs["ours"]]),
                              median([r["requests_total"] for r in runs["theirs"]]), better="-", digits=0))
    finally:
        context.stop_servers()
    return {"rows": rows, "samples": samples}


# Workload 5 ----------------------------------------------------------------------------------------------------

def startup(context):
    data = context.data_file(1)
    config = context.config("keep", "keep-1", DATA=data, BATCH=50)

    def measure(side, index):
        cache = context.fresh(f"w5-{side}")
        return context.run_pipeline(side, config, cache, f"w5-{side}-{index}")
    runs = pairs(context, "1 row", lambda i: measure("ours", i), lambda i: measure("theirs", i))
    return {"rows": [
        value_row("1-row pipeline end to end: wall s", ok_median(runs["ours"], "wall"),
                  ok_median(runs["theirs"], "wall"), unit=" s"),
        value_row("1-row pipeline: peak RSS (tree)", ok_median(runs["ours"], "rss_mb"),
                  ok_median(runs["theirs"], "rss_mb"), unit=" MB", digits=0)],
        "samples": runs}
