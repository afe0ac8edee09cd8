#!/usr/bin/env bash
# Times `unpara text` and `unpara extract` against poppler's `pdftotext` on one core
# (taskset -c 0, RAYON_NUM_THREADS=1) over every PDF of fixtures/ and of the shared
# corpus (un-en/, wild-pdf/). A benchmark, not a test: prints total seconds, ms per page,
# the ratio to pdftotext and the peak RSS (max over files) of each tool.
# Env: ROUNDS (default 10), CORPUS (default ../shared/corpus, relative to the project root).
# Files a tool cannot read (e.g. encrypted without the right password) are skipped, named.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
for t in pdftotext pdfinfo; do
  command -v "$t" >/dev/null || { echo "error: $t missing: apt-get install poppler-utils" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time missing: apt-get install time" >&2; exit 1; }
rounds=${ROUNDS:-10}
corpus=${CORPUS:-../shared/corpus}
for d in "$corpus/un-en" "$corpus/wild-pdf"; do
  [ -d "$d" ] || { echo "error: $d missing (set CORPUS to the shared corpus)" >&2; exit 1; }
done
bin=target/release/unpara
[ -x "$bin" ] || cargo build --release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tools=(text extract pdftotext)
command_of() { # TOOL FILE PASSWORD: sets cmd to the command line that reads FILE
  local pw=()
  case $1 in
    pdftotext) if [ -n "$3" ]; then pw=(-upw "$3"); fi; cmd=(pdftotext "${pw[@]}" "$2" -) ;;
    *) if [ -n "$3" ]; then pw=(--password "$3"); fi; cmd=("$bin" "$1" "$2" "${pw[@]}") ;;
  esac
}

# One probe run per file and tool: skips unreadable files, records peak RSS (KiB).
mapfile -d '' all < <(find fixtures "$corpus/un-en" "$corpus/wild-pdf" -name '*.pdf' -print0 | sort -z)
declare -A rss=([text]=0 [extract]=0 [pdftotext]=0) secs
files=() pws=() pages=0
for f in "${all[@]}"; do
  pw=""
  case $f in *aes-128* | *rc4-40*) pw=baz ;; esac
  for t in "${tools[@]}"; do
    command_of "$t" "$f" "$pw"
    rc=0
    /usr/bin/time -f %M -o "$tmp/rss" "${cmd[@]}" >/dev/null 2>"$tmp/err" || rc=$?
    if [ "$rc" != 0 ]; then
      echo "skipped $f: $t exits $rc: $(grep -v '^Command exited' "$tmp/err" | head -n 1)"
      continue 2
    fi
    kib=$(tail -n 1 "$tmp/rss")
    if ((kib > rss[$t])); then rss[$t]=$kib; fi
  done
  files+=("$f") pws+=("$pw")
  pages=$((pages + $(pdfinfo ${pw:+-upw "$pw"} "$f" | awk '/^Pages:/ {print $2}')))
done
((${#files[@]} > 0)) || { echo "error: no readable PDF" >&2; exit 1; }

taskset -pc 0 $$ >/dev/null # this shell and every command it starts run on core 0
export RAYON_NUM_THREADS=1
for t in "${tools[@]}"; do
  start=$EPOCHREALTIME
  for ((r = 0; r < rounds; r++)); do
    for i in "${!files[@]}"; do
      command_of "$t" "${files[i]}" "${pws[i]}"
      "${cmd[@]}" >/dev/null 2>&1 || { echo "error: ${cmd[*]} failed" >&2; exit 1; }
    done
  done
  secs[$t]=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}')
done

printf 'files: %d (%d skipped), pages: %d, rounds: %d, one core\n' \
  "${#files[@]}" $((${#all[@]} - ${#files[@]})) "$pages" "$rounds"
printf '%-16s %9s %9s %14s %14s\n' tool 'total s' ms/page '/ pdftotext' 'peak RSS MiB'
for t in "${tools[@]}"; do
  name=$t
  [ "$t" = pdftotext ] || name="unpara $t"
  awk -v n="$name" -v s="${secs[$t]}" -v p="$((pages * rounds))" -v base="${secs[pdftotext]}" \
    -v kib="${rss[$t]}" 'BEGIN { printf "%-16s %9.3f %9.2f %14.2f %14.1f\n", n, s, s * 1000 / p, s / base, kib / 1024 }'
done
