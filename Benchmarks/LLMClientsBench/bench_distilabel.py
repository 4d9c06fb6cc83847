"""Python distilabel 1.5.3's OpenAILLM against the benchmark's server (run by LLMClientsBench).

    python bench_distilabel.py --base-url http://127.0.0.1:PORT/v1 --rows 10000 --concurrency 64

input_batch_size = concurrency: distilabel's OpenAILLM sends one batch's rows concurrently (asyncio.gather), so a
batch of C rows puts C requests in flight. Prints `RESULT runtime=S generated=N`.
"""

import signal
import warnings

# A parent may start us with signals blocked; distilabel's workers then never see the stop signal and hang on exit.
signal.pthread_sigmask(signal.SIG_SETMASK, [])

warnings.filterwarnings("ignore")

import argparse  # noqa: E402
import os  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--base-url", required=True)
parser.add_argument("--rows", type=int, default=10_000)
parser.add_argument("--concurrency", type=int, default=64)
args = parser.parse_args()

os.environ.setdefault("OPENAI_API_KEY", "dummy")
cache = tempfile.mkdtemp(prefix="llm-bench-py-")
os.environ["DISTILABEL_CACHE_DIR"] = cache

try:
    import openai  # noqa: E402, F401  (distilabel's OpenAILLM needs it; the test tools' venv lacks it)
except ImportError:
    raise SystemExit(
        "bench_distilabel.py: the 'openai' package is missing: pip install --no-deps --target DIR "
        "openai==1.59.7 distro jiter sniffio, then run with PYTHONPATH=DIR"
    )
from distilabel.models import OpenAILLM  # noqa: E402
from distilabel.pipeline import Pipeline  # noqa: E402
from distilabel.steps import LoadDataFromDicts  # noqa: E402
from distilabel.steps.tasks import TextGeneration  # noqa: E402

data = [{"instruction": f"Question {i}: answer in one sentence."} for i in range(args.rows)]
with Pipeline(name=f"llm-bench-{args.concurrency}", cache_dir=cache) as pipeline:
    load = LoadDataFromDicts(data=data, batch_size=args.concurrency)
    generate = TextGeneration(
        llm=OpenAILLM(model="bench", base_url=args.base_url, api_key="dummy"),
        input_batch_size=args.concurrency,
    )
    load >> generate

start = time.monotonic()
distiset = pipeline.run(use_cache=False)
runtime = time.monotonic() - start
generated = sum(len(split) for config in distiset.values() for split in config.values())
print(f"RESULT runtime={runtime:.3f} generated={generated}", flush=True)
