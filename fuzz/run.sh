#!/usr/bin/env bash
# Runs one fuzz target on the stable toolchain.
#
#   fuzz/run.sh TARGET [SECONDS]     TARGET: load_yaml load_toml load_json load_multi load_check load_backstage check_org
#
# Uses cargo-fuzz (libFuzzer). cargo-fuzz passes nightly-only `-Z` flags to
# rustc; RUSTC_BOOTSTRAP=1 lets the stable compiler accept them. That is the
# only "nightly" thing here: no nightly toolchain is installed or needed.
# The sanitizer is off by default (the library forbids unsafe code, and
# without ASan a run gets several times more executions); set
# FUZZ_SANITIZER=address to turn it on.
#
# Environment: FUZZ_RUNS (stop after this many executions; default no limit),
# FUZZ_JOBS (cargo build jobs, default 1: one core for building and fuzzing),
# FUZZ_ARGS (more libFuzzer flags, such as `-fork=1 -ignore_crashes=1`),
# CHECK_ORG_MAX_ENTITIES (check_org: most entities per input, default 200000).
set -euo pipefail
cd "$(dirname "$0")"

target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
seconds=${2:-600}
sanitizer=${FUZZ_SANITIZER:-none}
export RUSTC_BOOTSTRAP=1
export CARGO_BUILD_JOBS=${FUZZ_JOBS:-1}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz from crates.io"
  cargo install cargo-fuzz --locked
fi

# Seed corpus: every example and fixture org file, shaped for the target.
corpus=corpus/$target
mkdir -p "$corpus"
seeds=()
while IFS= read -r -d '' f; do seeds+=("$f"); done < <(
  find ../examples/orgs ../tests/fixtures -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.toml' -o -name '*.json' \) \
    ! -name opmodel.toml -print0 | sort -z)
n=0
for f in "${seeds[@]}"; do
  n=$((n + 1))
  ext=${f##*.}
  case "$target" in
    load_yaml) [[ $ext == yaml || $ext == yml ]] && cp "$f" "$corpus/seed-$n" ;;
    load_toml) [[ $ext == toml ]] && cp "$f" "$corpus/seed-$n" ;;
    load_json) [[ $ext == json ]] && cp "$f" "$corpus/seed-$n" ;;
    load_check)
      # The first byte picks the format: 0 YAML, 1 TOML, 2 JSON.
      case "$ext" in yaml | yml) sel='\x00' ;; toml) sel='\x01' ;; *) sel='\x02' ;; esac
      { printf "$sel"; cat "$f"; } >"$corpus/seed-$n" ;;
    load_backstage) [[ $ext == yaml || $ext == yml ]] && cp "$f" "$corpus/seed-$n" ;;
    load_multi | check_org) ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
done
if [[ $target == load_multi ]]; then
  # Whole example folders: files joined by 0xFF plus a byte for the extension
  # (0 yaml, 1 toml, 2 json, 3 yml).
  for dir in ../examples/orgs/streaming ../tests/fixtures/mixed ../tests/fixtures/formats ../tests/fixtures/broken; do
    out="$corpus/seed-$(basename "$dir")"
    : >"$out"
    first=1
    while IFS= read -r -d '' f; do
      ext=${f##*.}
      case "$ext" in yaml) sel='\x00' ;; toml) sel='\x01' ;; json) sel='\x02' ;; *) sel='\x03' ;; esac
      if [[ $first == 1 && $ext == yaml ]]; then cat "$f" >>"$out"; first=0; continue; fi
      first=0
      { printf '\xff'; printf "$sel"; cat "$f"; } >>"$out"
    done < <(find "$dir" -type f \( -name '*.yaml' -o -name '*.toml' -o -name '*.json' \) ! -name opmodel.toml -print0 | sort -z)
  done
fi

if [[ $target == load_backstage ]]; then
  # Hostile catalog descriptors (no name, wrong shapes, odd references,
  # loops, anchors, duplicates, line ends).
  cp seeds/load_backstage/* "$corpus/"
fi

max_len=65536
if [[ $target == check_org ]]; then
  # Structured inputs (see src/lib.rs): the shapes of issue 18, kept in
  # seeds/check_org/ and written again by `cargo run --bin seeds -- DIR`.
  cp seeds/check_org/* "$corpus/"
  max_len=2097152
fi

runs=()
if [[ -n ${FUZZ_RUNS:-} ]]; then runs=(-runs="$FUZZ_RUNS"); fi
exec cargo fuzz run --release --sanitizer "$sanitizer" "$target" "$corpus" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -max_len="$max_len" -print_final_stats=1 "${runs[@]}" ${FUZZ_ARGS:-}
