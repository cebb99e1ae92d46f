#!/usr/bin/env bash
# Times `opmodel check --format json` against the whole-process floor
# (examples/floor.rs: read the file, parse it with serde_json into
# `IgnoredAny`), the way docs/performance.md reports it: each run takes the
# floor, then every binary given, in turn, so that a slow minute of a
# shared machine hits all of them; the report goes to a file; medians,
# ranges and peak RSS come out at the end.
#
#   scripts/perf-series.sh [-n RUNS] [-o OUT] BINARY... -- INPUT...
#
# BINARY is an opmodel executable (say target/release/opmodel and one
# built from another commit); INPUT a JSON file or a folder (folders have
# no floor). OUT is where the reports are written, by default a file in
# /dev/shm when there is one: the write costs what writing to any file
# costs, without a disk's write-back of the previous run landing on the
# next. Needs GNU time (/usr/bin/time) and python3; builds the floor if it
# is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
out=""
while getopts "n:o:" opt; do
    case "$opt" in
        n) runs="$OPTARG" ;;
        o) out="$OPTARG" ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))

binaries=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    binaries+=("$1")
    shift
done
[ "${1:-}" = "--" ] && shift
inputs=("$@")
if [ ${#binaries[@]} -eq 0 ] || [ ${#inputs[@]} -eq 0 ]; then
    echo "usage: scripts/perf-series.sh [-n RUNS] [-o OUT] BINARY... -- INPUT..." >&2
    exit 2
fi
if [ ! -x /usr/bin/time ]; then
    echo "error: GNU time is needed at /usr/bin/time (apt-get install time)" >&2
    exit 2
fi
if [ -z "$out" ]; then
    if [ -d /dev/shm ]; then out="/dev/shm/opmodel-perf-report.json"; else out="$(mktemp)"; fi
fi

floor="$root/target/release/examples/floor"
if [ ! -x "$floor" ]; then
    (cd "$root" && cargo build --release --example floor --features synth)
fi

times="$(mktemp)"
err="$(mktemp)"
trap 'rm -f "$times" "$err" "$out"' EXIT
for _ in $(seq "$runs"); do
    for input in "${inputs[@]}"; do
        name="$(basename "$input")"
        if [ -f "$input" ]; then
            /usr/bin/time -f "$name	floor	%e	%M" "$floor" "$input" > /dev/null 2>> "$times"
        fi
        for bin in "${binaries[@]}"; do
            # Findings make the exit status 1; only the timing line is kept.
            /usr/bin/time -f "$name	$bin	%e	%M" "$bin" check --format json "$input" \
                > "$out" 2> "$err" || true
            grep "	" "$err" >> "$times" || true
        done
    done
done

python3 - "$times" <<'PY'
import collections, statistics, sys

rows = collections.defaultdict(list)
order = []
for line in open(sys.argv[1]):
    parts = line.rstrip("\n").split("\t")
    if len(parts) != 4:
        continue
    key = (parts[0], parts[1])
    if key not in rows:
        order.append(key)
    rows[key].append((float(parts[2]), int(parts[3]) / 1024))
floors = {name: statistics.median(t for t, _ in v) for (name, who), v in rows.items() if who == "floor"}
print("| input | run by | wall time, median (range) | × floor | peak RSS, median |")
print("|---|---|---|---|---|")
for name, who in order:
    v = rows[(name, who)]
    times = sorted(t for t, _ in v)
    rss = statistics.median(m for _, m in v)
    median = statistics.median(times)
    ratio = f"{median / floors[name]:.1f}×" if name in floors and who != "floor" else ""
    print(f"| {name} | {who} | {median:.2f} s ({times[0]:.2f}–{times[-1]:.2f}) | {ratio} | {rss:.0f} MiB |")
PY
