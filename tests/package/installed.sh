#!/usr/bin/env bash
# Checks the bundles scripts/package.sh built as a person installing them would get them:
# the .deb unpacked into a throwaway root (dpkg -x), its desktop entry valid, its icons and
# dependencies in place, the installed binary answering on the command line and opening its
# window under Xvfb; the .rpm holding the same files. Writes only under a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/../.."

deb=$(ls -1 "$PWD"/target/release/bundle/deb/*.deb)
rpm_file=$(ls -1 "$PWD"/target/release/bundle/rpm/*.rpm)
work=$(mktemp -d)
trap 'kill "${app:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "package check: $*" >&2; exit 1; }

root="$work/root"
dpkg-deb -x "$deb" "$root"
bin="$root/usr/bin/quarterdeck"
[[ -x "$bin" ]] || fail "$deb has no executable usr/bin/quarterdeck"

desktop=$(ls -1 "$root"/usr/share/applications/*.desktop)
desktop-file-validate "$desktop" || fail "$(basename "$desktop") is not a valid desktop entry"
grep -q '^Exec=quarterdeck' "$desktop" || fail "$(basename "$desktop") does not start usr/bin/quarterdeck"
icon=$(sed -n 's/^Icon=//p' "$desktop")
for size in 32x32 128x128; do
  [[ -s "$root/usr/share/icons/hicolor/$size/apps/$icon.png" ]] || fail "no $size icon named $icon"
done

# The package names the libraries the window needs, so apt installs them.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libwebkit2gtk-4.1-0 libgtk-3-0; do
  [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

# The rpm carries the same program, entry and icons.
rpm_files=$(rpm -qpl "$rpm_file" 2>/dev/null)
for f in /usr/bin/quarterdeck "/usr/share/applications/$(basename "$desktop")" \
  "/usr/share/icons/hicolor/128x128/apps/$icon.png"; do
  grep -qx "$f" <<<"$rpm_files" || fail "$(basename "$rpm_file") lacks $f"
done

# A person's home of its own: the installed app must not need this checkout.
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
mkdir -p "$HOME"
cd "$work"
"$bin" --db "$work/plan.db" demo --today 2026-11-18 >/dev/null
people=$("$bin" --db "$work/plan.db" people --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[[ "$people" -gt 0 ]] || fail "the installed CLI read no people from its sample plan"

# Start the installed window on that plan until its window maps (no window manager runs under Xvfb).
QUARTERDECK_KEYCHAIN=memory "$bin" --db "$work/plan.db" >"$work/app.log" 2>&1 &
app=$!
if ! window=$(timeout 60 xdotool search --sync --onlyvisible --name 'plan.db — Quarterdeck' | head -1); then
  cat "$work/app.log" >&2
  fail "the installed app opened no window within 60 s"
fi
kill -0 "$app" 2>/dev/null || fail "the installed app exited after mapping its window"
echo "package check: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) and $(basename "$rpm_file") ($(du -k "$rpm_file" | cut -f1) KiB):"
echo "  desktop entry valid, icons, Depends, CLI read $people people, window $window mapped"
