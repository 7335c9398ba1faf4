"""Import every Word and Markdown file under some folders and count where their words went.

    .venv/bin/python -m bench.import_corpus FOLDER [FOLDER...] [--show N] [--json OUT]

For measuring the importers against real files no one here wrote (other projects' test
corpora, past editions): nothing under the folders is copied into this repository. Each file
is imported into a fresh issue in a temporary folder; the summary counts files imported and
refused (by reason), the word ledger's totals, and the files with words unaccounted for.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from desktop_app.core.errors import BulletinError
from desktop_app.core.importers import MARKDOWN_SUFFIXES, WORD_SUFFIXES, import_file
from desktop_app.core.model import new_issue


def run_one(path: Path, work: Path) -> dict:
    """Import one file; its outcome as plain data."""
    folder = Path(tempfile.mkdtemp(dir=work))
    start = time.perf_counter()
    try:
        report = import_file(path, new_issue(), folder)
    except BulletinError as exc:
        return {"file": str(path), "refused": str(exc)}
    except Exception as exc:  # a bug: counted and shown, never hidden
        return {"file": str(path), "crashed": f"{type(exc).__name__}: {exc}"}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ledger = report.ledger.to_dict() if report.ledger else {}
    return {"file": str(path), "seconds": time.perf_counter() - start, "kind": report.kind,
            "articles": len(report.articles), "dropped": len(report.dropped),
            "contacts": sum(len(a.contacts) for a in report.articles),
            "quotes": sum(len(a.quotes) for a in report.articles), **ledger}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=20, help="files with losses to list")
    parser.add_argument("--json", type=Path, help="write every file's outcome here")
    args = parser.parse_args(argv)
    suffixes = WORD_SUFFIXES + MARKDOWN_SUFFIXES
    files = sorted(p for folder in args.folders for p in folder.rglob("*")
                   if p.is_file() and p.suffix.lower() in suffixes)
    work = Path(tempfile.mkdtemp(prefix="import-corpus-"))
    try:
        results = [run_one(p, work) for p in files]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    imported = [r for r in results if "kind" in r]
    refused = Counter(r["refused"].split(": ", 1)[-1][:70] for r in results if "refused" in r)
    crashed = [r for r in results if "crashed" in r]
    source = sum(r.get("source_words", 0) for r in imported)
    lost = [r for r in imported if r.get("unaccounted")]
    print(f"{len(files)} files: {len(imported)} imported, {sum(refused.values())} refused, "
          f"{len(crashed)} crashed")
    for reason, n in refused.most_common():
        print(f"  refused x{n}: {reason}")
    for r in crashed:
        print(f"  CRASH {r['file']}: {r['crashed'][:200]}")
    print(f"words: {source:,} in the files; {sum(r['in_issue'] for r in imported):,} in the "
          f"issue, {sum(r['structure'] for r in imported):,} labels and lead-ins, "
          f"{sum(r['dropped'] for r in imported):,} reported dropped, "
          f"{sum(len(r['unaccounted']) for r in imported):,} unaccounted for "
          f"(in {len(lost)} files)")
    print(f"contacts found: {sum(r['contacts'] for r in imported)}; pull quotes: "
          f"{sum(r['quotes'] for r in imported)}; slowest file: "
          f"{max((r['seconds'] for r in imported), default=0):.2f} s")
    for r in sorted(lost, key=lambda r: -len(r["unaccounted"]))[:args.show]:
        print(f"  {len(r['unaccounted']):5d} unaccounted  {r['file']}: "
              f"{' '.join(r['unaccounted'][:15])}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
