#!/usr/bin/env bash
# Runs one fuzz target with AFL++ (afl.rs, stable toolchain) for SECONDS:
#   fuzz/run.sh TARGET SECONDS
# TARGET is one of pdf content cmap docx xml sentences. Seeds come from
# fuzz/seeds.py (fixtures and ../shared/corpus); findings go to
# target/fuzz-out/TARGET/default/{crashes,hangs}. Exits 1 when a crash was found, and
# prints AFL's figures (run time, executions, crashes, hangs).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS}
command -v cargo-afl >/dev/null || cargo install cargo-afl --version 0.18.2 --locked
cargo afl config --build >/dev/null 2>&1 || true
[ -d target/fuzz-seeds/"$target" ] || python3 fuzz/seeds.py >/dev/null
(cd fuzz && cargo afl build --release --bin "$target" -q)
out=target/fuzz-out/"$target"
rm -rf "$out"
mkdir -p "$out"
# No core-dump handler or CPU governor to negotiate on CI machines; no curses UI.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
  AFL_NO_AFFINITY=1 AFL_SKIP_CRASHES=1 AFL_IGNORE_SEED_PROBLEMS=1
# -t: a run over 5 s is a hang; -m: 1 GiB of memory for the target (a run past it is a crash).
cargo afl fuzz -V "$seconds" -t 5000 -m 1024 -i target/fuzz-seeds/"$target" -o "$out" \
  -- fuzz/target/release/"$target" >"$out/afl.log" 2>&1 || {
  tail -n 30 "$out/afl.log"; echo "fuzz $target: afl-fuzz failed"; exit 1; }
stats="$out/default/fuzzer_stats"
get() { awk -F' *: *' -v k="$1" '$1==k {print $2}' "$stats"; }
crashes=$(get saved_crashes)
echo "fuzz $target: $(get run_time) s, $(get execs_done) executions, $(get corpus_count) paths, crashes $crashes, hangs $(get saved_hangs)"
if [ "${crashes:-0}" != 0 ]; then
  ls "$out/default/crashes"
  exit 1
fi
