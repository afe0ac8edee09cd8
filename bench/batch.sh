#!/usr/bin/env bash
# Throughput and peak memory of `unpara batch` (release) on copies of the corpus and
# fixture documents: N documents (default 50 and 200) with --jobs 1 and --jobs 2.
# Prints documents and pages per second (from run-report.json) and the peak RSS
# (GNU time). A benchmark, not a test. Env: CORPUS (default ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus}
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(50 200)
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time missing: apt-get install time" >&2; exit 1; }
cargo build --release -q
tmp=$(mktemp -d "${TMPDIR:-/tmp}/unpara-batch-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mapfile -t sources < <(find fixtures "$corpus/un-en" "$corpus/wild-pdf" "$corpus/udhr-xml" \
  \( -name '*.pdf' -o -name '*.docx' -o -name '*.xml' \) ! -name '*aes-128*' ! -name '*rc4-40*' | sort)
printf '%-6s %-5s %9s %9s %10s %12s\n' docs jobs seconds 'docs/s' 'pages/s' 'peak MiB'
for n in "${counts[@]}"; do
  in="$tmp/in-$n"
  mkdir -p "$in"
  for ((i = 0; i < n; i++)); do
    src=${sources[i % ${#sources[@]}]}
    mkdir -p "$in/$((i / ${#sources[@]}))"
    cp "$src" "$in/$((i / ${#sources[@]}))/$(basename "$src")"
  done
  for jobs in 1 2; do
    out="$tmp/out-$n-$jobs"
    /usr/bin/time -o "$tmp/time" -f '%M' target/release/unpara batch "$in" -o "$out" --jobs "$jobs" 2>/dev/null || true
    python3 - "$out/run-report.json" "$n" "$jobs" "$(tail -1 "$tmp/time")" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["totals"]
print(f"{sys.argv[2]:<6} {sys.argv[3]:<5} {t['seconds']:9.2f} {t['documents_per_second']:9.1f} {t['pages_per_second']:10.1f} {int(sys.argv[4]) / 1024:12.1f}")
PY
  done
done
