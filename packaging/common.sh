# Sourced by build.sh and smoke.sh: the repository root as the working folder, the build
# environment, and what differs between Linux, macOS and Windows (Git Bash).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${PACKAGE_VENV:-build/package-venv}"
APP_ID="uk.gov.homeoffice.SocBulletin"
NAME="soc-bulletin"
EXE=""
case "$(uname -s)" in
  Linux*) OS=linux; VBIN="$VENV/bin" ;;
  Darwin*) OS=macos; VBIN="$VENV/bin" ;;
  MINGW*|MSYS*|CYGWIN*) OS=windows; VBIN="$VENV/Scripts"; EXE=".exe" ;;
  *) echo "$(basename "$0"): unknown system $(uname -s)" >&2; exit 2 ;;
esac
