#!/usr/bin/env bash
# The frozen app's smoke test: `make package-test` here, and every job of the release workflow
# on its own system (Linux, Windows under Git Bash, macOS).
#
#   packaging/smoke.sh [PROGRAM_DIR]
#
# PROGRAM_DIR holds the frozen `bulletin` and `bulletin-editor` (default dist/soc-bulletin;
# on macOS pass "dist/SOC Bulletin Editor.app/Contents/MacOS"). It checks that:
#   1. `bulletin --version` names the version, Python, Qt and the settings file;
#   2. the frozen `bulletin` exports the demo to every format its `export --help` offers, each
#      the same as the installed package's (build/package-venv) from the same issue folder:
#      the PDF byte for byte, the Word file and email part by part with their dates aside;
#      and `bulletin check` finds a misspelling as the installed package does (Hunspell);
#   3. the frozen editor opens the demo (under Xvfb where there is no display), shows its
#      window, draws the preview, opens the user guide and the licences from its own files,
#      exports every format in its helper process, then quits
#      with exit code 0, nothing on stderr that looks like a traceback and no process left;
#   4. on Linux, the .deb unpacks into a scratch root (dpkg -x) with /usr/bin/bulletin, and its
#      desktop entry and AppStream metadata validate; the .tar.gz unpacks and runs.
# Prints one line per check; exits non-zero at the first failure.
set -euo pipefail

PROGRAMS="${1:-dist/soc-bulletin}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BULLETIN="$PROGRAMS/bulletin$EXE"
EDITOR="$PROGRAMS/bulletin-editor$EXE"
REFERENCE="$VBIN/bulletin$EXE"
CHECK="$VBIN/python$EXE packaging/smoke_check.py"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bulletin-smoke.XXXXXX")"
# The frozen app must not read or write the tester's own settings.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/config" XDG_DATA_HOME="$WORK/home/data"
mkdir -p "$HOME"
unset QT_QPA_PLATFORM  # a real window: the xcb platform under Xvfb on Linux
trap 'rm -rf "$WORK"' EXIT
failures=0

ok() { echo "ok   $*"; }
fail() { echo "FAIL $*" >&2; exit 1; }
no_traceback() {  # FILE WHAT: the file has no traceback and no "internal error"
  if grep -E "Traceback|internal error" "$1" >/dev/null; then
    sed 's/^/     | /' "$1" >&2
    fail "$2 printed an error"
  fi
}

[ -x "$BULLETIN" ] || fail "no frozen bulletin at $BULLETIN (run make package)"
[ -x "$REFERENCE" ] || fail "no installed package at $REFERENCE to compare with"

# ---- 1. the version and where things are kept ----------------------------------------------
"$BULLETIN" --version > "$WORK/version.txt"
for word in "bulletin " "Python:" "Qt:" "Settings:" "Recovery files:" "(frozen)"; do
  grep -q "$word" "$WORK/version.txt" || fail "bulletin --version does not say '$word'"
done
ok "bulletin --version: $(head -1 "$WORK/version.txt"), $(grep 'Qt:' "$WORK/version.txt" | tr -s ' ')"

# ---- 2. every format from the frozen command, the PDF as the installed package makes it ----
"$BULLETIN" new "$WORK/issue" --demo > /dev/null
"$BULLETIN" export --help > "$WORK/export-help.txt"
$CHECK formats "$WORK/export-help.txt" > "$WORK/formats.txt"
[ "$(wc -l < "$WORK/formats.txt")" -ge 2 ] || fail "export --help lists fewer than 2 formats"
mkdir -p "$WORK/frozen" "$WORK/installed"
while read -r name out; do
  start=$($CHECK now)
  "$BULLETIN" export "$WORK/issue" "--$name" "$WORK/frozen/$out" < /dev/null \
    > "$WORK/out-$name.txt" 2> "$WORK/err-$name.txt" || { cat "$WORK/err-$name.txt" >&2; fail "frozen export --$name"; }
  took=$(( $($CHECK now) - start ))
  no_traceback "$WORK/err-$name.txt" "frozen export --$name"
  [ -s "$WORK/frozen/$out" ] || [ -d "$WORK/frozen/$out" ] || fail "frozen export --$name made nothing"
  "$REFERENCE" export "$WORK/issue" "--$name" "$WORK/installed/$out" < /dev/null > /dev/null \
    || fail "the installed package's export --$name"
  $CHECK same "$WORK/frozen/$out" "$WORK/installed/$out" \
    || fail "the frozen export --$name differs from the installed package's"
  ok "frozen export --$name: $out ($($CHECK size "$WORK/frozen/$out") bytes, ${took} ms), the same as the installed package's"
done < "$WORK/formats.txt"
frozen_pdf="$WORK/frozen/bulletin.pdf"
cmp -s "$frozen_pdf" "$WORK/installed/bulletin.pdf" \
  || fail "the frozen PDF differs from the installed package's"
ok "the frozen PDF is byte-identical to the installed package's"
if command -v pdftotext > /dev/null; then
  pdftotext "$frozen_pdf" - | tr "\n" " " | grep -q "SOC Local Partnerships Bulletin" \
    || fail "the frozen PDF's text has no masthead"
  ok "the frozen PDF reads: $(pdftotext -l 1 "$frozen_pdf" - | head -2 | tr "\n" " ")"
fi

# Proofreading: Hunspell (a compiled library) and its dictionary in the bundle find a
# misspelling typed into a copy of the demo, as the installed package does.
"$BULLETIN" new "$WORK/proof" --demo > /dev/null
$CHECK misspell "$WORK/proof/issue.yaml" "practitioners gathered" "practitoners gathered"
set +e
"$BULLETIN" check "$WORK/proof" > "$WORK/check-frozen.txt" 2> "$WORK/check-frozen.err"
frozen_code=$?
"$REFERENCE" check "$WORK/proof" > "$WORK/check-installed.txt" 2> /dev/null
installed_code=$?
set -e
no_traceback "$WORK/check-frozen.err" "frozen bulletin check"
grep -q "practitoners.*\[spelling\]" "$WORK/check-frozen.txt" \
  || { cat "$WORK/check-frozen.txt" >&2; fail "frozen bulletin check missed a misspelling"; }
[ "$frozen_code" = "$installed_code" ] && cmp -s "$WORK/check-frozen.txt" "$WORK/check-installed.txt" \
  || fail "frozen bulletin check differs from the installed package's"
ok "frozen bulletin check finds a misspelling (Hunspell and its dictionary), as the installed package does"

# ---- 3. the frozen editor: window, preview, exports in the helper process, clean exit ------
run_editor() {
  if [ "$OS" = linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    # A fresh X server of our own, so the window and the screenshot are ours alone.
    setsid xvfb-run -a -s "-screen 0 1400x900x24" "$@"
  elif [ "$OS" = linux ]; then
    setsid "$@"
  else
    "$@"
  fi
}
start=$(date +%s)
set +e
run_editor bash -c '
  "$1" --self-test "$2" > "$2.out" 2> "$2.err" & pid=$!
  if command -v xdotool > /dev/null; then  # the window seen from outside, and its picture
    for _ in $(seq 1 600); do
      if xdotool search --onlyvisible --name "SOC Bulletin Editor" > /dev/null 2>&1; then
        echo shown > "$2.seen"; sleep 1.5
        command -v import > /dev/null && import -window root "$2.png" 2> /dev/null
        break
      fi
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.1
    done
  fi
  wait "$pid"' _ "$EDITOR" "$WORK/selftest"
code=$?
set -e
cat "$WORK/selftest/self-test.log" 2>/dev/null | sed 's/^/     | /'
[ "$code" = 0 ] || { cat "$WORK/selftest.err" >&2; fail "the editor's self-test exited with $code"; }
grep -q "PASSED" "$WORK/selftest/self-test.log" || fail "the editor's self-test did not pass"
grep -q "exported pdf" "$WORK/selftest/self-test.log" || fail "the editor exported no PDF"
grep -q "user guide shown" "$WORK/selftest/self-test.log" || fail "the editor showed no user guide"
no_traceback "$WORK/selftest.err" "the editor"
ok "the frozen editor showed its window, exported in its helper process and quit cleanly ($(( $(date +%s) - start )) s)"
# Pictures to look at (and for CI to keep): the window as it drew itself, and the display.
mkdir -p dist/smoke
cp "$WORK/selftest/window.png" "dist/smoke/editor-window-$OS.png" 2>/dev/null || true
if [ -f "$WORK/selftest.seen" ]; then
  ok "the editor's window was visible on the display (xdotool)"
  cp "$WORK/selftest.png" "dist/smoke/display-$OS.png" 2>/dev/null || true
fi
if [ "$OS" = linux ]; then
  sleep 1
  if pgrep -f "$ROOT/$PROGRAMS/bulletin-editor" > /dev/null \
      || pgrep -f "$(cd "$PROGRAMS" && pwd)/bulletin-editor" > /dev/null; then
    fail "an editor or helper process was left running"
  fi
  ok "no editor or helper process left running"
fi

# ---- 4. the Linux packages --------------------------------------------------------------------
if [ "$OS" = linux ]; then
  deb="$(ls -t dist/soc-bulletin_*.deb 2>/dev/null | head -1)"
  [ -n "$deb" ] || fail "no .deb in dist/ (run make package)"
  dpkg-deb -x "$deb" "$WORK/root"
  [ "$(readlink "$WORK/root/usr/bin/bulletin")" = /opt/soc-bulletin/bulletin ] \
    || fail "the .deb has no /usr/bin/bulletin pointing into /opt/soc-bulletin"
  "$WORK/root/opt/soc-bulletin/bulletin" --version > /dev/null \
    || fail "bulletin from the unpacked .deb does not run"
  desktop-file-validate "$WORK/root/usr/share/applications/$APP_ID.desktop" \
    || fail "the desktop entry does not validate"
  [ -f "$WORK/root/usr/share/icons/hicolor/256x256/apps/$APP_ID.png" ] \
    && [ -f "$WORK/root/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" ] \
    || fail "the .deb has no icons"
  if command -v appstreamcli > /dev/null; then
    appstreamcli validate --no-net --explain "$WORK/root/usr/share/metainfo/$APP_ID.metainfo.xml" \
      > "$WORK/appstream.txt" || { cat "$WORK/appstream.txt" >&2; fail "the AppStream metadata does not validate"; }
    ok "AppStream metadata validates (appstreamcli)"
  fi
  ok ".deb $(basename "$deb"): unpacks into /opt/soc-bulletin, bulletin on the path, desktop entry valid"
  tarball="$(ls -t dist/soc-bulletin-*-linux-*.tar.gz 2>/dev/null | head -1)"
  [ -n "$tarball" ] || fail "no .tar.gz in dist/"
  mkdir -p "$WORK/tar" && tar -xzf "$tarball" -C "$WORK/tar"
  top="$(ls "$WORK/tar")"
  "$WORK/tar/$top/bulletin" --version > /dev/null || fail "bulletin from the .tar.gz does not run"
  desktop-file-validate "$WORK/tar/$top/share/applications/$APP_ID.desktop" \
    || fail "the .tar.gz's desktop entry does not validate"
  # Its per-user install, into a scratch home: commands, menu entry, then a clean removal.
  mkdir -p "$WORK/user"
  HOME="$WORK/user" XDG_DATA_HOME="$WORK/user/share" "$WORK/tar/$top/install.sh" > /dev/null
  "$WORK/user/.local/bin/bulletin" --version > /dev/null || fail "install.sh: no bulletin command"
  grep -q "^Exec=$WORK/user/.local/opt/soc-bulletin/bulletin-editor %f" \
    "$WORK/user/share/applications/$APP_ID.desktop" || fail "install.sh: the menu entry's Exec"
  desktop-file-validate "$WORK/user/share/applications/$APP_ID.desktop" \
    || fail "install.sh: the installed desktop entry does not validate"
  HOME="$WORK/user" XDG_DATA_HOME="$WORK/user/share" "$WORK/tar/$top/install.sh" --uninstall \
    > /dev/null
  [ ! -e "$WORK/user/.local/opt/soc-bulletin" ] && [ ! -e "$WORK/user/.local/bin/bulletin" ] \
    || fail "install.sh --uninstall left the app behind"
  ok ".tar.gz $(basename "$tarball"): unpacks and runs; install.sh installs for the user and removes cleanly"
fi
echo "All smoke checks passed."
