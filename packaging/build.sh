#!/usr/bin/env bash
# Build the frozen app and, on Linux, its .tar.gz and .deb. `make package` runs this, and so
# does the release workflow's Linux job (.github/workflows/release.yml): one script, so what
# CI ships is what was built and tested here.
#
#   packaging/build.sh            freeze, then package (Linux: .tar.gz and .deb)
#   packaging/build.sh freeze     only the frozen folder, dist/soc-bulletin/ (any system)
#
# The app is installed as a package (not editable) into a build environment of its own,
# build/package-venv, with PyInstaller: only the app's run-time requirements are in it, so
# nothing from the test tools can slip into the bundle, and the licence notices are generated
# from exactly what is frozen. Outputs go to dist/.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
PY="${PY:-python3}"
DIST="${DIST:-dist}"

VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
ARCH="$(uname -m)"
started=$(date +%s)

freeze() {
  if [ ! -x "$VBIN/python$EXE" ]; then
    "$PY" -m venv "$VENV"
  fi
  "$VBIN/python" -m pip install -q --upgrade pip
  # setuptools builds in build/lib; a file deleted from the source would live on there.
  rm -rf build/lib build/bdist.* ./*.egg-info
  # A local project is always rebuilt and reinstalled, so the build sees today's source.
  "$VBIN/python" -m pip install -q ".[package]"
  rm -rf "$DIST/$NAME"
  "$VBIN/pyinstaller" --noconfirm --clean --log-level WARN --distpath "$DIST" \
    --workpath build/pyinstaller packaging/bulletin.spec
  echo "Frozen: $DIST/$NAME ($(du -sh "$DIST/$NAME" | cut -f1))"
}

# The desktop integration files, under a prefix: share/applications, share/metainfo and the
# hicolor icon theme (one PNG per size and the SVG).
install_share() {
  local share="$1"
  install -Dm644 "packaging/$APP_ID.desktop" "$share/applications/$APP_ID.desktop"
  install -Dm644 "packaging/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
  for png in resources/icons/"$APP_ID"-*.png; do
    local size="${png##*-}"; size="${size%.png}"
    install -Dm644 "$png" "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  install -Dm644 "resources/icons/$APP_ID.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
}

tarball() {
  local top="$NAME-$VERSION"
  local stage="build/tarball/$top"
  rm -rf build/tarball && mkdir -p "$stage"
  cp -a "$DIST/$NAME/." "$stage/"
  install_share "$stage/share"
  install -m755 packaging/linux/install.sh "$stage/install.sh"
  install -m644 packaging/linux/README.txt "$stage/README.txt"
  local out="$DIST/$top-linux-$ARCH.tar.gz"
  # Fixed owner and sorted names, so the same build gives the same archive listing.
  tar --sort=name --owner=0 --group=0 --numeric-owner -C build/tarball -czf "$out" "$top"
  echo "Archive: $out ($(du -h "$out" | cut -f1))"
}

deb() {
  local arch
  arch="$(dpkg --print-architecture)"
  local root="build/deb/$NAME"
  rm -rf build/deb && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin"
  cp -a "$DIST/$NAME" "$root/opt/$NAME"
  ln -s "/opt/$NAME/bulletin" "$root/usr/bin/bulletin"
  ln -s "/opt/$NAME/bulletin-editor" "$root/usr/bin/bulletin-editor"
  install_share "$root/usr/share"
  install -Dm644 packaging/linux/copyright "$root/usr/share/doc/$NAME/copyright"
  local size
  size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
  "$VBIN/python" packaging/linux/deb_control.py "$VERSION" "$arch" "$size" > "$root/DEBIAN/control"
  local out="$DIST/${NAME}_${VERSION}_${arch}.deb"
  dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
  echo "Package: $out ($(du -h "$out" | cut -f1))"
}

freeze
if [ "${1:-all}" != freeze ] && [ "$OS" = linux ]; then
  tarball
  deb
fi
echo "Build time: $(( $(date +%s) - started )) s"
