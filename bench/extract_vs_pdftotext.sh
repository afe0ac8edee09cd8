#!/usr/bin/env bash
# Times `unpara extract` against poppler's `pdftotext` over the fixture and corpus PDFs.
# A benchmark, not a test: prints seconds per file set and the ratio. Needs poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "pdftotext missing: apt-get install poppler-utils" >&2; exit 1; }
cargo build --release -q
bin=target/release/unpara
files=(fixtures/*/*.pdf)
if [ -d ../shared/corpus/un-en ]; then files+=(../shared/corpus/un-en/*.pdf); fi
rounds=${ROUNDS:-20}
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
time_of() { # command... ; prints seconds for $rounds rounds over all files
  local start end
  start=$(date +%s.%N)
  for _ in $(seq "$rounds"); do for f in "${files[@]}"; do "$@" "$f" >/dev/null; done; done
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
t_unpara=$(time_of "$bin" extract)
poppler() { pdftotext "$1" -; }
t_poppler=$(time_of poppler)
printf 'files: %d, pages: %d, rounds: %d\n' "${#files[@]}" "$pages" "$rounds"
printf 'unpara extract: %.3f s  (%.2f ms/page)\n' "$t_unpara" "$(echo "$t_unpara * 1000 / ($pages * $rounds)" | bc -l)"
printf 'pdftotext:      %.3f s  (%.2f ms/page)\n' "$t_poppler" "$(echo "$t_poppler * 1000 / ($pages * $rounds)" | bc -l)"
printf 'ratio unpara/pdftotext: %.2f\n' "$(echo "$t_unpara / $t_poppler" | bc -l)"
