#!/usr/bin/env bash
# Throughput of the Dask pipeline in local mode (python -m unpara.dask_pipeline,
# a LocalCluster of worker processes) beside `unpara batch` on the same folder: COPIES
# copies (default 8) of the fixture pair, three UDHR versions and the corpus's English
# reports, JOBS workers / threads (default 2). Prints wall seconds and documents per
# second of each (the pipeline's figures include starting and stopping its cluster;
# --no-isolate reads in the worker itself, without a forked child per file).
# A benchmark, not a test. Needs `pip install '.[dask]'` and the shared corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${COPIES:-8}
jobs=${JOBS:-2}
corpus=${CORPUS:-../shared/corpus}
bin=target/release/unpara
[ -x "$bin" ] || cargo build --release
python3 -c 'import unpara.dask_pipeline, distributed, pyarrow' ||
  { echo "error: pip install '.[dask]' first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Each copy has its own bytes (a comment at the end), so none is a duplicate of another
# or found in batch's document cache.
put() { # SOURCE DEST COMMENT
  { cat "$1"; printf '%s\n' "$3"; } >"$2"
}
for i in $(seq 1 "$copies"); do
  d="$tmp/in/copy$i"
  mkdir -p "$d/cac" "$d/udhr" "$d/reports"
  for f in fixtures/CAC_COSP_WG.4_2017_4/zh.pdf fixtures/CAC_COSP_WG.4_2017_4/en.pdf; do
    put "$f" "$d/cac/$(basename "$f")" "%copy $i"
  done
  for l in zh en fr; do put "$corpus/udhr-xml/$l.xml" "$d/udhr/$l.xml" "<!-- copy $i -->"; done
  for f in "$corpus"/un-en/*.pdf; do put "$f" "$d/reports/$(basename "$f")" "%copy $i"; done
done
files=$(find "$tmp/in" -type f | wc -l)
seconds() { local s=$EPOCHREALTIME; "$@" >/dev/null 2>&1 || true; awk -v a="$s" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}'; }
b=$(seconds "$bin" batch "$tmp/in" -o "$tmp/batch" --jobs "$jobs")
d=$(seconds python3 -m unpara.dask_pipeline "$tmp/in" -o "$tmp/dask" --workers "$jobs")
n=$(seconds python3 -m unpara.dask_pipeline "$tmp/in" -o "$tmp/dask-n" --workers "$jobs" --no-isolate)
same=$(cmp -s <(sort "$tmp/batch/corpus.jsonl") <(cat "$tmp/dask"/jsonl/*.jsonl | sort) && echo yes || echo NO)
printf 'files: %d, workers: %d, corpus.jsonl lines identical: %s\n' "$files" "$jobs" "$same"
printf '%-28s %9s %14s\n' run 'wall s' 'documents/s'
awk -v n="$files" -v s="$b" 'BEGIN { printf "%-28s %9.2f %14.1f\n", "unpara batch --jobs", s, n / s }'
awk -v n="$files" -v s="$d" 'BEGIN { printf "%-28s %9.2f %14.1f\n", "dask_pipeline (local)", s, n / s }'
awk -v n="$files" -v s="$n" 'BEGIN { printf "%-28s %9.2f %14.1f\n", "dask_pipeline --no-isolate", s, n / s }'
