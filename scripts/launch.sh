#!/usr/bin/env bash
# Sets up, builds and opens Quarterdeck on its embedded default database
# (quarterdeck.db in the OS app-data folder). Extra arguments go to the app,
# e.g. `scripts/launch.sh --db plan.db`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
[[ -f "$HOME/.cargo/env" ]] && source "$HOME/.cargo/env"
echo "==> building the front end and the app (the first build takes several minutes)"
npm run build --silent
# --all-targets resolves features as `cargo test` does, so the tests reuse this build.
cargo build --all-targets --features custom-protocol --quiet
exec target/debug/quarterdeck "$@"
