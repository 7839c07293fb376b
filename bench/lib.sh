# Helpers shared by the whole-app benchmarks (app-start.sh, app-memory.sh).
# Sourced, not run.

target=${CARGO_TARGET_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target}

# The window needs an X display: without one, run the calling script again
# under its own Xvfb.
need_display() {
  if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$@"
  fi
}

# A fresh XDG home for one run, so that no run sees another's database or
# WebKit caches (the app keeps its database in XDG_DATA_HOME).
fresh_home() {
  home=$(mktemp -d)
  export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache
}

drop_home() {
  rm -rf "$home"
}

# The command line: `--runs N` and `--cold` for the whole run; `--demo` (fill
# the sample team with `BINARY demo` first) and `--mark M` (the paint mark to
# wait for, default `first`) for the next BINARY only. Fills runs, cold,
# apps[], app_demo[] and app_mark[].
runs=10 cold=false apps=() app_demo=() app_mark=()
parse_args() {
  local demo=false mark=first
  while (($#)); do
    case $1 in
      --runs) runs=$2; shift 2 ;;
      --cold) cold=true; shift ;;
      --demo) demo=true; shift ;;
      --mark) mark=$2; shift 2 ;;
      --*) echo "unknown option $1" >&2; exit 2 ;;
      *)
        apps+=("$1") app_demo+=("$demo") app_mark+=("$mark")
        demo=false mark=first
        shift ;;
    esac
  done
}

# The app's name as the figures show it.
label() {
  basename "$1"
}

# A process and all its descendants (WebKit's web and network processes are
# the app's children).
tree() {
  local pid=$1 child
  echo "$pid"
  for child in $(pgrep -P "$pid" || true); do tree "$child"; done
}

# The median of the numbers on stdin (the mean of the middle two for an even count).
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit; m = int((NR + 1) / 2); print (NR % 2 ? v[m] : (v[m] + v[m + 1]) / 2) }'
}

minimum() {
  sort -n | head -1
}

# Live WebKit web processes other than those among the pids given: other apps'
# pages (end-to-end tests, a window left open).
other_webkit() {
  ps -eo pid=,stat=,comm= | awk -v ours=" $* " \
    '$2 !~ /^Z/ && $3 == "WebKitWebProces" && index(ours, " " $1 " ") == 0' | wc -l
}

# Another WebKit app shares library pages with ours (lowering its PSS) and
# competes for the CPU: wait up to 5 minutes for it to finish.
wait_for_other_webkit() {
  local waited=0 others
  while others=$(other_webkit) && ((others > 0 && waited < 300)); do
    ((waited == 0)) && echo "  waiting for $others other WebKit web process(es) to end"
    sleep 1
    waited=$((waited + 1))
  done
}

# How busy the CPUs were over the next 3 s, in percent (all processes).
cpu_busy() {
  local -a a b
  read -ra a </proc/stat
  sleep 3
  read -ra b </proc/stat
  # cpu user nice system idle iowait irq softirq steal: idle and iowait count as idle.
  local total=0 idle=$((b[4] + b[5] - a[4] - a[5])) i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  echo $((100 * (total - idle) / (total > 0 ? total : 1)))
}

# On a shared machine, waits (up to $1 s) until the CPUs are mostly idle, so
# that other work skews the figures less; says how busy they were.
wait_idle() {
  local limit=${1:-300} waited=0 busy
  while busy=$(cpu_busy) && ((busy > 15 && waited < limit)); do
    ((waited == 0)) && echo "  waiting up to $limit s for the machine to go idle (CPU $busy% busy)"
    waited=$((waited + 3))
  done
  echo "  CPU $busy% busy before measuring$( ((waited == 0)) || echo " (after waiting $waited s)")"
}
