#!/usr/bin/env bash
# Installs what Quarterdeck needs on a Debian/Ubuntu machine; safe to run again.
#   scripts/setup.sh         to build and run the app
#   scripts/setup.sh --test  also what the tests need (Xvfb, WebKitWebDriver, tauri-driver, clippy, rustfmt,
#                            cargo-deny, a D-Bus session daemon, Python's icalendar, Radicale and caldav)
set -euo pipefail
cd "$(dirname "$0")/.."

for_tests=false
[[ "${1:-}" == "--test" ]] && for_tests=true

# WebKitGTK 4.1 and GTK for the window (Tauri v2), compilers for the Rust build.
# libdbus-1-dev for the keychain (the keyring crate reaches the Secret Service over D-Bus).
packages=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev libssl-dev
          libdbus-1-dev build-essential pkg-config file curl ca-certificates)
# xdotool answers the native file dialogs in the end-to-end tests (tests/e2e/dialogs.mjs);
# desktop-file-utils and rpm check the bundles scripts/package.sh builds (tests/package/installed.sh).
$for_tests && packages+=(xvfb xauth webkit2gtk-driver python3 python3-venv dbus xdotool desktop-file-utils rpm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "==> apt-get install ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  [[ -f "$HOME/.cargo/env" ]] || {
    echo "==> installing Rust with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  }
  # shellcheck source=/dev/null
  source "$HOME/.cargo/env"
fi
if $for_tests; then
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
fi

node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a>20||(a===20&&b>=19))' 2>/dev/null || echo false)
if [[ "$node_ok" != "true" ]]; then
  echo "Quarterdeck's front end needs Node.js 20.19 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
  echo "Install it from https://nodejs.org or your distribution, then run this again." >&2
  exit 1
fi
echo "==> npm ci"
npm ci --no-audit --no-fund --loglevel=error

if $for_tests && ! command -v tauri-driver >/dev/null && [[ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]]; then
  echo "==> cargo install tauri-driver"
  cargo install tauri-driver --version '^2' --locked --quiet
fi

# cargo deny checks our dependencies' licences, sources and known vulnerabilities (scripts/audit.sh).
if $for_tests && ! command -v cargo-deny >/dev/null && [[ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo-deny" ]]; then
  echo "==> cargo install cargo-deny"
  cargo install cargo-deny --version '~0.20.2' --locked --quiet
fi

# The independent iCalendar reader the calendar tests check our files with
# (Python icalendar and recurring-ical-events, pinned), in its own venv.
if $for_tests; then
  venv=target/ics-venv
  if [[ ! -x "$venv/bin/python" ]] || ! cmp -s tests/ics/requirements.txt "$venv/requirements.txt"; then
    echo "==> python venv for the iCalendar tests"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/ics/requirements.txt
    cp tests/ics/requirements.txt "$venv/requirements.txt"
  fi
fi

# The CalDAV server the sync tests start on loopback (Radicale) and the
# independent client that judges what it holds (Python caldav), pinned.
if $for_tests; then
  venv=target/caldav-venv
  if [[ ! -x "$venv/bin/python" ]] || ! cmp -s tests/caldav/requirements.txt "$venv/requirements.txt"; then
    echo "==> python venv for the CalDAV tests"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/caldav/requirements.txt
    cp tests/caldav/requirements.txt "$venv/requirements.txt"
  fi
fi
