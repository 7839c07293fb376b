#!/usr/bin/env bash
# Publishing to a CalDAV server, Quarterdeck beside Python's caldav client, on
# the same items and the same server (Radicale on loopback, started here and
# stopped after): one person's plan from the 50-person, three-year sample
# team, then one change. Needs the release binary (bench/run.sh builds it) and
# the test venv (scripts/setup.sh --test). The ratio is the point.
#   bench/caldav/run.sh [--runs N]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=3
[[ "${1:-}" == "--runs" ]] && runs=$2
target=$(realpath "${CARGO_TARGET_DIR:-target}")
py=$target/caldav-venv/bin/python
qd=$target/bench/bin/quarterdeck
[[ -x $qd ]] || qd=$target/release/quarterdeck
qd=${QUARTERDECK_BIN:-$qd}
work=$(mktemp -d "$target/bench-caldav.XXXXXX")
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
export QUARTERDECK_NOW=2026-11-18T12:00:00Z

port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
: > "$work/users"
for r in $(seq 1 "$runs"); do printf 'qd%s:secret\npeer%s:secret\n' "$r" "$r" >> "$work/users"; done
cat > "$work/config" <<CONF
[server]
hosts = 127.0.0.1:$port
[auth]
type = htpasswd
htpasswd_filename = $work/users
htpasswd_encryption = plain
[rights]
type = owner_write
[storage]
filesystem_folder = $work/collections
[logging]
level = warning
CONF
"$py" -m radicale --config "$work/config" > "$work/radicale.log" 2>&1 &
server=$!
for _ in $(seq 100); do "$py" -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break; sleep 0.1; done
url=http://127.0.0.1:$port/
export QUARTERDECK_CALDAV_PASSWORD=secret

"$qd" --db "$work/base.db" demo --people 50 --weeks 156 --today 2026-11-18 > /dev/null
me=$("$qd" --db "$work/base.db" people --json | "$py" -c 'import json, sys; print(json.load(sys.stdin)[0]["name"])')
"$qd" --db "$work/base.db" export-ics --folder "$work/ics" --person "$me" > /dev/null
echo "plan: 50 people, 156 weeks; publishing $me's items; Radicale $("$py" -m radicale --version 2>/dev/null | tail -1) on loopback"
for r in $(seq 1 "$runs"); do
  cp "$work/base.db" "$work/run$r.db"
  "$qd" --db "$work/run$r.db" connect "$url" --user "qd$r" --me "$me" --json > /dev/null
  "$py" - "$qd" "$work/run$r.db" <<'PY'
import json, subprocess, sys, time, sqlite3
qd, db = sys.argv[1:3]
def sync():
    started = time.perf_counter()
    out = subprocess.run([qd, "--db", db, "sync", "--json"], check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - started, json.loads(out)
took, report = sync()
print(f"quarterdeck publish: {report['created']} items in {took:.3f} s")
# One change, as an edit would leave it: an event of the person renamed.
conn = sqlite3.connect(db)
conn.execute("UPDATE event SET name = name || ' (changed)' WHERE id = (SELECT event_id FROM participation p JOIN calendar_account a ON p.person_id = a.person_id LIMIT 1)")
conn.commit()
conn.close()
took, report = sync()
print(f"quarterdeck incremental: {took:.3f} s ({report['updated']} changed, {report['unchanged']} unchanged)")
PY
  "$py" bench/caldav/python_peer.py "$url" "peer$r" secret "$work/ics"
done
