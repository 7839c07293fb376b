#!/usr/bin/env bash
# ICS import and export of 100,000 occurrences, Quarterdeck beside Python's
# icalendar + recurring-ical-events on the same file. Needs the test venv
# (scripts/setup.sh --test). Prints both sets of figures; the ratio is the point.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=$(realpath "${CARGO_TARGET_DIR:-target}")
py=$target/ics-venv/bin/python
mkdir -p "$target/bench"
file=$target/bench/ics-100k.ics
[[ -f $file ]] || "$py" bench/ics/make_100k.py "$file"
export QUARTERDECK_ICS_BENCH_FILE="$file"
(cd src-tauri && cargo bench --bench ics -- --noplot 2>&1 | grep -E "^ics_100k|time:")
echo "==> Python icalendar $(grep -i '^icalendar==' tests/ics/requirements.txt), same file"
"$py" bench/ics/python_ics.py "$file"
