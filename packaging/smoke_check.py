"""Small checks for ``smoke.sh`` that are awkward in a shell on three systems.

    smoke_check.py formats HELP.txt   one "NAME OUTPUT" line per format `bulletin export
                                      --help` offers (OUTPUT: bulletin.SUFFIX, or a folder)
    smoke_check.py size PATH          bytes in a file, or in everything under a folder
    smoke_check.py same A B           exit 0 if two exports are the same: byte for byte (the
                                      PDF, govspeak, a web edition folder file by file), a
                                      Word file part by part with its created/modified dates
                                      aside, an email part by part with its date, message id
                                      and MIME boundaries aside; says what differs
    smoke_check.py now                milliseconds since the epoch (BSD date has no %N)
    smoke_check.py misspell FILE OLD NEW
                                      replace the first OLD in FILE with NEW (sed -i differs
                                      between GNU and BSD)
"""

from __future__ import annotations

import email
import email.policy
import re
import sys
import time
import zipfile
from pathlib import Path

# "  --pdf OUT.PDF    write the styled PDF here" or "  --web FOLDER   ...": the registry's
# flags as argparse prints them (cli.add_format_arguments).
_FLAG = re.compile(r"^\s+--([a-z][a-z0-9-]*) (OUT\.([A-Za-z0-9]+)|FOLDER)\b", re.MULTILINE)
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


def same_email(a: Path, b: Path) -> bool:
    def parts(path: Path) -> list[tuple]:
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        found = [tuple((k, v) for k, v in message.items()
                       if k.lower() not in ("date", "message-id", "content-type"))]
        for part in message.walk():
            found.append((part.get_content_type(), part.get_filename(),
                          None if part.is_multipart() else part.get_payload(decode=True)))
        return found

    left, right = parts(a), parts(b)
    for n, (x, y) in enumerate(zip(left, right, strict=False)):
        if x != y:
            print(f"differs: part {n} of the email", file=sys.stderr)
            return False
    return len(left) == len(right)


def same_folder(a: Path, b: Path) -> bool:
    names = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    if names != sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()):
        print("differs: the files in the folder", file=sys.stderr)
        return False
    for name in names:
        if (a / name).read_bytes() != (b / name).read_bytes():
            print(f"differs: {name}", file=sys.stderr)
            return False
    return True


def same(a: Path, b: Path) -> bool:
    """Whether two exports of the same issue are the same (see the module's docstring)."""
    if a.is_dir():
        return same_folder(a, b)
    if a.suffix == ".docx":
        return same_docx(a, b)
    if a.suffix == ".eml":
        return same_email(a, b)
    if a.read_bytes() != b.read_bytes():
        print(f"differs: {a.name}, byte for byte", file=sys.stderr)
        return False
    return True


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "formats":
        for name, out in formats(Path(args[0]).read_text(encoding="utf-8")):
            print(name, out)
    elif command == "size":
        print(size(Path(args[0])))
    elif command == "same":
        return 0 if same(Path(args[0]), Path(args[1])) else 1
    elif command == "misspell":
        path = Path(args[0])
        text = path.read_text(encoding="utf-8")
        if args[1] not in text:
            print(f"{args[1]!r} is not in {path}", file=sys.stderr)
            return 1
        path.write_text(text.replace(args[1], args[2], 1), encoding="utf-8")
    elif command == "now":
        print(int(time.time() * 1000))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
