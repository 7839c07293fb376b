#!/usr/bin/env bash
# Supply-chain checks, run by scripts/test.sh:
#  - cargo deny: licences (deny.toml lists the ones we accept), banned or duplicate crates, and that every crate
#    comes from crates.io; these need no network and fail the run.
#  - known vulnerabilities: cargo deny against the RustSec advisory database, and npm audit for what ships in the
#    window (--omit=dev). A finding fails the run unless deny.toml ignores it with a reason. Both databases live
#    on the network (github.com, registry.npmjs.org's audit endpoint); where they cannot be reached this says so
#    plainly and goes on, rather than pretending to have checked.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"
status=0

# cargo deny reads the dependency graph offline: on a machine that never built the project the registry is empty,
# so fetch the locked crates first (crates.io is reachable wherever the build is).
echo "--> cargo fetch --locked"
cargo fetch --locked --quiet || status=1

echo "--> cargo deny: licences, bans, sources"
cargo deny --offline --log-level error check licenses bans sources || status=1

echo "--> cargo deny: advisories (RustSec)"
if cargo deny --log-level error fetch db >/tmp/quarterdeck-deny-fetch.log 2>&1; then
  cargo deny --offline --log-level error check advisories || status=1
else
  echo "    NOT CHECKED: the RustSec advisory database (github.com/rustsec/advisory-db) cannot be reached from here:"
  sed 's/^/      /' /tmp/quarterdeck-deny-fetch.log | tail -n 3
fi

echo "--> npm audit --omit=dev"
npm_out=$(npm audit --omit=dev --audit-level=low 2>&1)
npm_status=$?
if ((npm_status == 0)); then
  echo "$npm_out" | tail -n 1
elif grep -qE "audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|405 Method Not Allowed" <<<"$npm_out"; then
  echo "    NOT CHECKED: the npm registry's audit endpoint cannot be reached from here:"
  grep -E "npm (warn|error) audit" <<<"$npm_out" | sed 's/^/      /' | head -n 2
else
  echo "$npm_out"
  status=1
fi
exit $status
