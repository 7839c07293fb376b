#!/usr/bin/env bash
# Builds the installable bundles: a .deb (Debian, Ubuntu) and an .rpm (Fedora, openSUSE), release profile,
# with the front end embedded. They land in target/release/bundle/{deb,rpm}/.
#   scripts/package.sh            set up, then build both bundles
#   scripts/package.sh --no-setup build only (the test command has run setup already)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ "${1:-}" == "--no-setup" ]] || ./scripts/setup.sh
[[ -f "$HOME/.cargo/env" ]] && source "$HOME/.cargo/env"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"

# The Tauri CLI runs through npx rather than as a dependency: the npm mirror here
# lacks other platforms' optional binaries, which a lockfile entry would ask for.
# It runs `npm run build` (beforeBuildCommand) and `cargo build --release` itself.
rm -rf target/release/bundle/deb target/release/bundle/rpm
npx --yes @tauri-apps/cli@2 build --ci --bundles deb,rpm

ls -1 target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm
