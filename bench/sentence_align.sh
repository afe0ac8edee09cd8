#!/usr/bin/env bash
# Times the alignment stage alone (paragraph and sentence links) on a document pair, in
# release mode: prints the sentence links found and the milliseconds per 1 000 sentence
# pairs. A benchmark, not a test. Args: [ZH.pdf EN.pdf [ROUNDS]] (default: the fixture).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -q -p unpara-align --example time_align -- "$@"
