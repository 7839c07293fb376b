#!/usr/bin/env bash
# Start-up time: from spawning the app to its page's paint, as the paint probe
# reports it (QUARTERDECK_PAINT_PROBE, src-tauri/src/app/paint_probe.rs), under
# Xvfb, each run in a fresh XDG home. Apps take turns (A B A B …) so that a
# change in the machine's load falls on all of them alike.
#   bench/app-start.sh [--runs N] [--cold] [--demo] [--mark M] BINARY [[--demo] [--mark M] BINARY …]
# --cold drops the page cache before every run (needs root); without it the
# first run of each app only warms the cache and is not counted.
# --demo fills the sample team first (`BINARY demo`, not timed); --mark names
# the mark to wait for (`first`; Quarterdeck also has `plan`, the sample plan
# shown). Prints every run, then per app and mark the median and minimum in ms.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
need_display "$here/bench/app-start.sh" "$@"
parse_args "$@"
((${#apps[@]})) || { echo "usage: bench/app-start.sh [--runs N] [--cold] [--demo] [--mark M] BINARY…" >&2; exit 2; }

if $cold && ! { sync && echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null; then
  echo "cannot drop the page cache (needs root): measuring warm starts instead"
  cold=false
fi
kind=$($cold && echo cold || echo warm)
results=$(mktemp)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# One start of app $1; appends "label mark ms" to $results unless $2 is "discard".
run_once() {
  local i=$1 bin=${apps[$1]} out start_ms line
  wait_for_other_webkit
  fresh_home
  if ${app_demo[$i]}; then "$bin" demo >/dev/null; fi
  if $cold; then sync; echo 3 >/proc/sys/vm/drop_caches; fi
  out=$home/probe.out
  local start=$EPOCHREALTIME
  QUARTERDECK_PAINT_PROBE=${app_mark[$i]} timeout 60 "$bin" >"$out" 2>"$home/stderr" || true
  start_ms=$(awk -v t="$start" 'BEGIN { printf "%.0f", t * 1000 }')
  line="$(label "$bin") $kind:"
  if ! grep -q "^paint-probe ${app_mark[$i]} " "$out"; then
    echo "$line no paint within 60 s: $(tail -3 "$home/stderr")"
  else
    while read -r _ mark at; do
      line+=" $mark $((at - start_ms)) ms"
      [[ ${2:-} == discard ]] || echo "$(label "$bin") $mark $((at - start_ms))" >>"$results"
    done < <(grep '^paint-probe ' "$out")
    echo "$line${2:+ (warm-up, not counted)}"
  fi
  drop_home
}

if ! $cold; then
  for i in "${!apps[@]}"; do run_once "$i" discard; done
fi
for ((r = 1; r <= runs; r++)); do
  for i in "${!apps[@]}"; do run_once "$i"; done
done

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for bin in "${apps[@]}"; do
  name=$(label "$bin")
  for mark in $(awk -v n="$name" '$1 == n { print $2 }' "$results" | sort -u); do
    values=$(awk -v n="$name" -v m="$mark" '$1 == n && $2 == m { print $3 }' "$results")
    printf 'start %s %s to %s paint: median %s ms, min %s ms (%d runs)\n' "$kind" "$name" "$mark" \
      "$(median <<<"$values")" "$(minimum <<<"$values")" "$(wc -l <<<"$values")"
  done
done
rm -f "$results"
