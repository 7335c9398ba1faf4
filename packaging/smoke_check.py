"""Small checks for ``smoke.sh`` that are awkward in a shell on three systems.

    smoke_check.py formats HELP.txt   one "NAME OUTPUT" line per format `bulletin export
                                      --help` offers (OUTPUT: bulletin.SUFFIX, or a folder)
    smoke_check.py size PATH          bytes in a file, or in everything under a folder
    smoke_check.py same-docx A B      exit 0 if two Word files have the same parts, the
                                      created/modified dates in docProps/core.xml aside
    smoke_check.py now                milliseconds since the epoch (BSD date has no %N)
"""

from __future__ import annotations

import re
import sys
import time
import zipfile
from pathlib import Path

# "  --pdf OUT.PDF    write the styled PDF here" or "  --web FOLDER   ...": the registry's
# flags as argparse prints them (cli.add_format_arguments).
_FLAG = re.compile(r"^\s+--([a-z][a-z0-9-]*) (OUT\.([A-Z0-9]+)|FOLDER)\b", re.MULTILINE)
_DATES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def formats(help_text: str) -> list[tuple[str, str]]:
    """(flag name, output name) for each format flag in ``bulletin export --help``."""
    found = []
    for name, _, suffix in _FLAG.findall(help_text):
        found.append((name, f"bulletin.{suffix.lower()}" if suffix else f"bulletin-{name}"))
    return found


def size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def same_docx(a: Path, b: Path) -> bool:
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        if za.namelist() != zb.namelist():
            return False
        for name in za.namelist():
            left, right = za.read(name), zb.read(name)
            if name == "docProps/core.xml":
                left, right = _DATES.sub(b"", left), _DATES.sub(b"", right)
            if left != right:
                print(f"differs: {name}", file=sys.stderr)
                return False
    return True


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "formats":
        for name, out in formats(Path(args[0]).read_text(encoding="utf-8")):
            print(name, out)
    elif command == "size":
        print(size(Path(args[0])))
    elif command == "same-docx":
        return 0 if same_docx(Path(args[0]), Path(args[1])) else 1
    elif command == "now":
        print(int(time.time() * 1000))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
