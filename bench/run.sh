#!/usr/bin/env bash
# Every figure in docs/benchmarks.md, each beside its reference measured in the
# same run: builds the release app and the reference window (bench/hello-window),
# times start-up to first paint (cold and warm) and idle memory of both under
# Xvfb, their binary sizes, then the criterion benches (store, load, ICS beside
# Python) and publishing to CalDAV beside Python's caldav. Prints a summary
# table, also kept in target/bench/summary.md with the whole log in
# target/bench/run.log.
#   bench/run.sh [--runs N] [--no-build] [--idle-wait S]
# --runs: starts per app and kind (default 10; memory takes 5 runs each).
# --idle-wait: before each measuring step, wait up to S seconds (default 300)
# for the CPUs to be mostly idle; other work on the machine skews the figures,
# and the log records how busy it was and the load average at each step.
# Cold starts drop the page cache (root); the ICS reference needs the test
# venv (scripts/setup.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
if [[ -z "${DISPLAY:-}" ]]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$0" "$@"
fi
runs=10 build=true idle_wait=300
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    --idle-wait) idle_wait=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--runs N] [--no-build] [--idle-wait S]" >&2; exit 2 ;;
  esac
done
mkdir -p "${CARGO_TARGET_DIR:-target}"
target=$(realpath "${CARGO_TARGET_DIR:-target}")
export CARGO_TARGET_DIR=$target
out=$target/bench
bin=$out/bin
mkdir -p "$bin"
exec > >(tee "$out/run.log") 2>&1
began=$SECONDS
step() { echo; echo "==> $* (load $(cut -d' ' -f1-3 /proc/loadavg), $((SECONDS - began)) s in)"; }
measure() {
  step "$@"
  wait_idle "$idle_wait"
}

step machine
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
echo "ram: $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "rustc: $(rustc --version)"
echo "webkitgtk: $(pkg-config --modversion webkit2gtk-4.1)"
echo "tauri: $(awk '/^name = "tauri"$/ { getline; print $3 }' Cargo.lock | tr -d '"')"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ' (with uncommitted changes)')"

if $build; then
  step "building the front end and both release binaries"
  npm run build --silent
  # Cargo does not see a changed ui/dist or page/: make it embed them again.
  touch src-tauri/build.rs src-tauri/src/app/mod.rs bench/hello-window/build.rs bench/hello-window/src/main.rs
  cargo build --release -p quarterdeck --features custom-protocol
  cargo build --release -p hello-window --features custom-protocol
  # Copied at once: `cargo bench` below (or another build) rewrites target/release.
  cp "$target/release/quarterdeck" "$target/release/hello-window" "$bin/"
  step "building the criterion benches"
  (cd src-tauri && cargo bench --no-run --bench store --bench load --bench ics)
fi

step "release binary sizes"
for app in quarterdeck hello-window; do echo "size $app: $(stat -c %s "$bin/$app") bytes"; done

measure "start-up, cold (page cache dropped before each start)"
bench/app-start.sh --runs "$runs" --cold --demo --mark plan "$bin/quarterdeck" "$bin/hello-window"
measure "start-up, warm"
bench/app-start.sh --runs "$runs" --demo --mark plan "$bin/quarterdeck" "$bin/hello-window"
measure "idle memory"
bench/app-memory.sh --runs 5 --demo "$bin/quarterdeck" "$bin/hello-window"

measure "store: 100,000 events in one transaction"
(cd src-tauri && cargo bench --bench store -- --noplot 2>&1 | grep -E "^store|time:")
measure "load recompute, 50 people × 156 weeks"
(cd src-tauri && cargo bench --bench load -- --noplot load_50p_156w 2>&1 | grep -E "^load|time:")
measure "ICS, 100,000 occurrences, beside Python"
bench/ics/run.sh
measure "CalDAV publish and one change, beside Python caldav"
bench/caldav/run.sh

step summary
python3 bench/summary.py "$out/run.log" "$target/criterion" | tee "$out/summary.md"
echo "bench/run.sh took $((SECONDS - began)) s"
