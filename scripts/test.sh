#!/usr/bin/env bash
# Sets up and runs every test: formatting and lints, Rust unit and integration
# tests, front-end type checks and Vitest, and the end-to-end tests that drive
# the real window under Xvfb. One debug build serves all of them.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --test
[[ -f "$HOME/.cargo/env" ]] && source "$HOME/.cargo/env"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"

# The calendar tests read our .ics files with this second implementation.
export QUARTERDECK_PYTHON="$PWD/target/ics-venv/bin/python"
export QUARTERDECK_CALDAV_PYTHON="$PWD/target/caldav-venv/bin/python"

# Whatever the tests write belongs in target/ or a temporary folder, never in the source tree.
dirty_tree() { git status --porcelain --untracked-files=all 2>/dev/null; }
[[ -d .git || -f .git ]] && before=$(dirty_tree) || before=""

started=$(date +%s)
step() {
  local name=$1
  shift
  local t0
  t0=$(date +%s)
  echo "==> $name"
  "$@"
  echo "    $name: $(($(date +%s) - t0)) s"
}

step "rustfmt" cargo fmt --all --check
step "supply chain (cargo deny, npm audit)" ./scripts/audit.sh
step "svelte-check" npm run --silent check
step "eslint, prettier" npm run --silent lint
step "vitest" npm run --silent test:ui
step "front-end build" npm run --silent build
step "clippy" cargo clippy --all-targets --features custom-protocol -- -D warnings
# The domain crate on its own, with none of the store's features: it builds
# with no SQL, no window and no files (crates/domain/tests/layer.rs checks the rest).
step "domain alone" cargo check -p quarterdeck-domain --all-targets --quiet
# cargo test also builds target/debug/quarterdeck, the binary the end-to-end tests drive.
step "cargo test" cargo test --features custom-protocol
step "end-to-end (Xvfb + tauri-driver)" xvfb-run -a -s "-screen 0 1280x800x24" npm run --silent test:e2e
# The release bundles, installed as a person would get them (a throwaway root, not the machine).
step "bundles (.deb, .rpm)" ./scripts/package.sh --no-setup
step "installed bundle" xvfb-run -a -s "-screen 0 1280x800x24" tests/package/installed.sh

if [[ -d .git || -f .git ]]; then
  step "clean tree" bash -c '[[ "$(git status --porcelain --untracked-files=all)" == "$0" ]] || {
    echo "The tests changed the source tree:"; diff <(echo "$0") <(git status --porcelain --untracked-files=all); exit 1; }' "$before"
fi

echo "All tests passed in $(($(date +%s) - started)) s."
