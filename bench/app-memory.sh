#!/usr/bin/env bash
# Idle memory: PSS of the app and its WebKit processes (the app's process
# tree), after 10 s idle, under Xvfb, each run in a fresh XDG home. Apps take
# turns, as in app-start.sh.
#   bench/app-memory.sh [--runs N] [--demo] BINARY [[--demo] BINARY …]
#   bench/app-memory.sh    (target/release/quarterdeck on the sample team, one run)
# Build that with `cargo build --release --features custom-protocol` first:
# `cargo bench` leaves there a binary that shows a dev-server error page.
# --demo fills the sample team first (`BINARY demo`). Prints every run, then
# per app and process the median PSS in MiB.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
need_display "$here/bench/app-memory.sh" "$@"
runs=1
parse_args "$@"
((${#apps[@]})) || { apps=("$target/release/quarterdeck") app_demo=(true); }
idle=10
results=$(mktemp)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

pss_kib() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

# One run of app $1: appends "label process KiB" to $results, the total as process "total".
run_once() {
  local i=$1 bin=${apps[$1]} app pid kib total=0 line name others
  name=$(label "$bin")
  wait_for_other_webkit
  fresh_home
  if ${app_demo[$i]}; then "$bin" demo >/dev/null; fi
  "$bin" >/dev/null 2>&1 &
  app=$!
  sleep "$idle"
  # PSS splits shared pages among their users: another WebKit app running now
  # lowers ours, so such a run counts only if every run had company.
  # shellcheck disable=SC2046 # one pid a word
  others=$(other_webkit $(tree "$app"))
  line="$name:"
  for pid in $(tree "$app"); do
    kib=$(pss_kib "$pid")
    total=$((total + kib))
    line+=" $(cat "/proc/$pid/comm" 2>/dev/null || echo gone) $((kib / 1024))"
    echo "$name $(cat "/proc/$pid/comm" 2>/dev/null || echo gone) $kib $others" >>"$results"
  done
  echo "$name total $total $others" >>"$results"
  echo "$line, total $((total / 1024)) MiB PSS"
  ((others == 0)) || echo "  note: $others other WebKit web process(es) running; PSS reads low"
  kill "$app"
  wait "$app" 2>/dev/null || true
  drop_home
}

for ((r = 1; r <= runs; r++)); do
  for i in "${!apps[@]}"; do run_once "$i"; done
done

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for bin in "${apps[@]}"; do
  name=$(label "$bin")
  alone=$(awk -v n="$name" '$1 == n && $2 == "total" && $4 == 0' "$results" | wc -l)
  for proc in $(awk -v n="$name" '$1 == n && $2 != "total" { print $2 }' "$results" | sort -u) total; do
    values=$(awk -v n="$name" -v p="$proc" -v a="$alone" '$1 == n && $2 == p && (a == 0 || $4 == 0) { print $3 }' "$results")
    printf 'memory %s %s: median %.1f MiB PSS (%d runs)\n' "$name" "$proc" \
      "$(awk -v k="$(median <<<"$values")" 'BEGIN { print k / 1024 }')" "$(wc -l <<<"$values")"
  done
  ((alone > 0)) || echo "memory $name: every run had another WebKit app beside it; PSS reads low"
  echo "binary $name: $(stat -c %s "$bin") bytes"
done
rm -f "$results"
