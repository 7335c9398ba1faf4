"""Licence notices for the libraries the app ships with, read from the installed distributions.

A frozen build writes these notices at build time (``packaging/make_notices.py``) into its
``licences`` folder, because a frozen app carries no distribution metadata; an installed app
builds the same text on demand from its environment. Help > About shows either.

Which distributions: the app's own (``soc-bulletin``) and everything its requirements pull in,
extras left out (the test tools never ship), plus any named in ``extra`` (the PyInstaller
bootloader, which is inside every frozen executable).
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

APP_DISTRIBUTION = "soc-bulletin"
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"

# Files inside a distribution that hold its licence or notices. A wheel built to metadata 2.4
# keeps them under .dist-info/licenses/; older ones put LICENSE and friends in .dist-info/.
_LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass
class Shipped:
    """One distribution in the bundle: its name, version, licence and licence texts."""

    name: str
    version: str
    licence: str
    texts: list[tuple[str, str]] = field(default_factory=list)  # (file name, its text)


def normalise(name: str) -> str:
    """A distribution name as PEP 503 compares them: ``PySide6_Essentials`` is the same."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_requirements(dist: metadata.Distribution) -> list[str]:
    """The names ``dist`` requires at run time: no extras, markers that hold here."""
    names = []
    for line in dist.requires or []:
        requirement, _, marker = line.partition(";")
        if marker and not _marker_holds(marker):
            continue
        found = _REQUIREMENT_NAME.match(requirement)
        if found:
            names.append(found.group(1))
    return names


def _marker_holds(marker: str) -> bool:
    """Whether a requirement's environment marker holds for a plain run.

    Extras never ship. Other markers (a Python version, a platform) are taken as holding:
    a requirement whose marker fails is not installed, and one that is not installed is
    skipped anyway.
    """
    return "extra" not in marker


def shipped_distributions(root: str = APP_DISTRIBUTION,
                          extra: Iterable[str] = ()) -> list[metadata.Distribution]:
    """``root`` and everything it requires at run time, the root first, then by name.

    ``extra`` names distributions shipped on their own, without what they require (the
    PyInstaller bootloader ships; PyInstaller's own requirements are build tools).
    """
    found: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = normalise(name)
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency not installed here is not shipped either
        found[key] = dist
        todo.extend(_runtime_requirements(dist))
    for name in extra:
        try:
            found.setdefault(normalise(name), metadata.distribution(name))
        except metadata.PackageNotFoundError:
            continue
    root_key = normalise(root)
    rest = sorted(k for k in found if k != root_key)
    return [found[k] for k in ([root_key] if root_key in found else []) + rest]


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: its SPDX expression, its licence field, or the
    licence its classifiers name."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    declared = (meta.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= 100:
        return declared
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    if declared:
        return declared.splitlines()[0].strip()
    return "not stated"


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """The licence and notice files a distribution ships in its metadata folder."""
    texts = []
    for path in dist.files or []:
        parts = Path(str(path)).parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        if not (_LICENCE_NAME.search(parts[-1]) or "licenses" in parts[1:-1]):
            continue
        try:
            text = Path(str(dist.locate_file(path))).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        texts.append(("/".join(parts[1:]), text.strip()))
    return sorted(texts)


def describe(dist: metadata.Distribution) -> Shipped:
    """One distribution as a ``Shipped`` record."""
    return Shipped(dist.metadata["Name"], dist.version, licence_of(dist), licence_texts(dist))


def python_licence() -> str:
    """The licence text of the Python the app runs on, where the installation keeps one."""
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (base / "LICENSE.txt", base / "lib" / version / "LICENSE.txt",
                      base / "share" / "doc" / version / "copyright"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace").strip()
    return ""


def notices_text(shipped: Iterable[Shipped], python: str = "") -> str:
    """The notices file: a summary table, then each distribution's licence texts."""
    shipped = list(shipped)
    rule = "=" * 78
    version = ".".join(map(str, sys.version_info[:3]))
    lines = ["Third-party software in the SOC Bulletin Editor", "",
             "Each library below ships with the app. Its name, version and licence are read",
             "from the installed package's own metadata when the app is built.", ""]
    width = max([len(s.name) for s in shipped] + [6])
    lines.append(f"Python {version}: Python Software Foundation License (PSF-2.0)")
    for s in shipped:
        lines.append(f"{s.name.ljust(width)}  {s.version:<12}  {s.licence}")
    lines.append("")
    if python:
        lines += [rule, f"Python {version}", rule, "", python, ""]
    for s in shipped:
        lines += [rule, f"{s.name} {s.version}: {s.licence}", rule, ""]
        if not s.texts:
            lines += ["(No licence file is included in this package's metadata; the licence",
                      "named above applies.)", ""]
        for name, text in s.texts:
            lines += [f"--- {name} ---", "", text, ""]
    return "\n".join(lines).rstrip() + "\n"


def build_notices(root: str = APP_DISTRIBUTION, extra: Iterable[str] = ()) -> str:
    """The notices for ``root`` and what it requires, as installed in this environment."""
    return notices_text((describe(d) for d in shipped_distributions(root, extra)),
                        python_licence())


def bundled_licence_dir() -> Path | None:
    """The frozen app's ``licences`` folder, or None when not frozen."""
    base = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or base is None:
        return None
    return Path(base) / "licences"


def current_notices() -> str:
    """The notices for this app as it runs: the bundled file when frozen, else built now."""
    folder = bundled_licence_dir()
    if folder is not None:
        path = folder / NOTICES_FILE
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return build_notices()


# ---- the documents Help > About > Licences lists ------------------------------------------

_TITLES = {
    "LICENSE.txt": "SOC Bulletin Editor: MIT licence",
    NOTICES_FILE: "Third-party notices",
    "Qt-LGPL-NOTICE.txt": "Qt: LGPL notice, replacing Qt",
    "LGPL-3.0.txt": "GNU LGPL version 3",
    "GPL-3.0.txt": "GNU GPL version 3",
    "OFL-Lato.txt": "Lato font: Open Font Licence",
    "LICENSE-DejaVu.txt": "DejaVu fonts: licence",
}
_SOURCE_TREE = Path(__file__).resolve().parents[1]  # a checkout: LICENSE and packaging/ here


def _reader(path: Path) -> Callable[[], str]:
    return lambda: path.read_text(encoding="utf-8", errors="replace")


def _ordered(found: dict[str, Callable[[], str]]) -> list[tuple[str, Callable[[], str]]]:
    named = [(title, found[name]) for name, title in _TITLES.items() if name in found]
    others = [(Path(name).stem, found[name]) for name in sorted(found) if name not in _TITLES]
    return named + others


def licence_documents() -> list[tuple[str, Callable[[], str]]]:
    """(title, read its text) for each licence document this copy of the app has.

    Frozen: the files in the bundle's licences folder. Installed or run from a checkout: the
    app's licence, notices built from the environment, our data's licences (fonts), and the
    Qt notice where the checkout has it.
    """
    folder = bundled_licence_dir()
    if folder is not None and folder.is_dir():
        return _ordered({p.name: _reader(p) for p in sorted(folder.iterdir()) if p.is_file()})
    from desktop_app.resources import resource_dir

    found: dict[str, Callable[[], str]] = {NOTICES_FILE: build_notices}
    own = _SOURCE_TREE / "LICENSE"
    if own.is_file():
        found["LICENSE.txt"] = _reader(own)
    else:
        try:
            texts = licence_texts(metadata.distribution(APP_DISTRIBUTION))
        except metadata.PackageNotFoundError:
            texts = []
        if texts:
            found["LICENSE.txt"] = lambda: texts[0][1]
    for path in sorted(resource_dir().rglob("*")):
        if path.is_file() and re.match(r"(LICEN[CS]E|OFL|COPYING)", path.name, re.IGNORECASE):
            found[path.name] = _reader(path)
    for path in sorted((_SOURCE_TREE / "packaging" / "licences").glob("*.txt")):
        found[path.name] = _reader(path)
    return _ordered(found)
