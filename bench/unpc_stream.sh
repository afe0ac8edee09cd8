#!/usr/bin/env bash
# Peak memory and time of `unpara extract` (release) on generated UN Parallel Corpus
# XML of 10 MB and 100 MB (`crates/xml/examples/unpc_gen.rs`, written to $TMPDIR, not
# kept): the reader streams, so peak RSS should follow the document model (and the
# JSON written from it), not the XML size times a large factor. Also measured: the
# reader alone (`crates/xml/examples/unpc_read.rs`: the file's bytes and the document
# model, no sentences stage, no JSON) and the model's text bytes (block texts plus
# sentences). A benchmark, not a test.
# Args: [SIZES_MB...] (default: 10 100). Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 100)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/unpara-unpc-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cargo build --release -q -p unpara
cargo build --release -q -p unpara-xml --example unpc_gen --example unpc_read
row() { printf '%-7s %11s %11s %11s %9s %11s %11s %9s\n' "$@"; }
row size "xml bytes" "model text" "reader KB" "extract s" "extract KB" "json bytes" "KB/xml"
for mb in "${sizes[@]}"; do
  xml="$tmp/en-${mb}mb.xml"
  target/release/examples/unpc_gen "$xml" "$mb" en 2>/dev/null
  /usr/bin/time -o "$tmp/time" -f '%M' target/release/examples/unpc_read "$xml" >"$tmp/model"
  read -r _blocks _sentences model <"$tmp/model"
  reader_kb=$(tail -1 "$tmp/time")
  /usr/bin/time -o "$tmp/time" -f '%e %M' target/release/unpara extract "$xml" -o "$tmp/out.json"
  read -r secs kb <"$tmp/time"
  bytes=$(stat -c %s "$xml")
  json=$(stat -c %s "$tmp/out.json")
  ratio=$(awk -v k="$kb" -v b="$bytes" 'BEGIN { printf "%.2f", k * 1024 / b }')
  row "${mb} MB" "$bytes" "$model" "$reader_kb" "$secs" "$kb" "$json" "$ratio"
  rm -f "$xml" "$tmp/out.json"
done
