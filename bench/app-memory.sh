#!/usr/bin/env bash
# Idle memory of the running app: PSS of the quarterdeck process and its WebKit
# children, 10 s after start, on the sample team, under Xvfb.
#   bench/app-memory.sh [BINARY]   (default: target/release/quarterdeck)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/quarterdeck}
home=$(mktemp -d)
export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache
"$bin" demo >/dev/null
pss() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
run() {
  "$bin" &
  local app=$!
  sleep 10
  local total=0
  printf '%-28s %8s\n' process "PSS MiB"
  for pid in $app $(pgrep -P "$app" || true); do
    local kb
    kb=$(pss "$pid")
    total=$((total + kb))
    printf '%-28s %8.1f\n' "$(cat /proc/"$pid"/comm)" "$(awk "BEGIN {print $kb / 1024}")"
  done
  printf '%-28s %8.1f\n' total "$(awk "BEGIN {print $total / 1024}")"
  kill "$app"
  wait "$app" 2>/dev/null || true
}
if [[ -n "${DISPLAY:-}" ]]; then run; else export -f run pss; xvfb-run -a -s "-screen 0 1280x800x24" bash -c "bin=$bin; $(declare -f pss run); run"; fi
echo "binary: $(du -b "$bin" | cut -f1) bytes ($(du -h "$bin" | cut -f1))"
rm -rf "$home"
