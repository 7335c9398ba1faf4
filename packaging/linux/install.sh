#!/bin/sh
# Install the SOC Bulletin Editor for this user, no administrator rights needed:
#   ./install.sh              into ~/.local/opt/soc-bulletin, commands in ~/.local/bin
#   ./install.sh --uninstall  remove what it installed
# The desktop's menu gets the editor with its icon; Word and Markdown files offer it under
# "Open with".
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
APP_ID="uk.gov.homeoffice.SocBulletin"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
TARGET="$HOME/.local/opt/soc-bulletin"
BIN="$HOME/.local/bin"

remove() {
  rm -rf "$TARGET"
  rm -f "$BIN/bulletin" "$BIN/bulletin-editor"
  rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
  find "$DATA/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
}

refresh() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  remove
  refresh
  echo "Removed the SOC Bulletin Editor."
  exit 0
fi

remove
mkdir -p "$TARGET" "$BIN"
cp -a "$HERE/bulletin" "$HERE/bulletin-editor" "$HERE/_internal" "$TARGET/"
ln -sf "$TARGET/bulletin" "$BIN/bulletin"
ln -sf "$TARGET/bulletin-editor" "$BIN/bulletin-editor"
(cd "$HERE/share" && find . -type f) | while read -r file; do
  mkdir -p "$DATA/$(dirname "$file")"
  cp "$HERE/share/$file" "$DATA/$file"
done
# The menu entry runs the editor by its full path: ~/.local/bin is not on every PATH.
sed -i "s|^Exec=bulletin-editor|Exec=$TARGET/bulletin-editor|" "$DATA/applications/$APP_ID.desktop"
refresh
echo "Installed into $TARGET; the commands bulletin and bulletin-editor are in $BIN."
