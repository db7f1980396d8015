#!/usr/bin/env bash
# CI: a short fuzz run over `factcheck parse` and ingest (atheris when installed, else a seeded random loop).
# Usage: .ci/fuzz.sh [SECONDS per target, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
python=".venv/bin/python"
for target in fuzz/fuzz_parse.py fuzz/fuzz_ingest.py; do
  echo "fuzz: $target for ${seconds}s" >&2
  # -rss_limit_mb: a recognizer that balloons memory is a finding too; -timeout: one input, seconds.
  # A fixed seed and number of runs make the run repeatable: the same code meets the same inputs, so CI
  # does not fail on a new random find that the developer never saw; -max_total_time still bounds it.
  "$python" "$target" -seed="${FUZZ_SEED:-1}" -runs="${FUZZ_RUNS:-250000}" -max_total_time="$seconds" \
    -timeout=20 -rss_limit_mb=4096 -print_final_stats=1
done
