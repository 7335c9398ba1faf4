"""The frozen build's plan (packaging/freeze_plan.py) covers what the app needs.

These run without PyInstaller: the frozen build itself is `make package` / `make package-test`.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

from desktop_app.core import formats
from tests.conftest import REPO


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


plan = _load(REPO / "packaging" / "freeze_plan.py", "freeze_plan")


def _imports_of_app() -> set[str]:
    """Every module name the app's source imports (absolute imports only)."""
    names: set[str] = set()
    for path in (REPO / "desktop_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_every_registered_format_is_inside_the_collected_package():
    # The registry names writers as strings; the spec collects every submodule of the app.
    for fmt in formats.FORMATS:
        for target in (fmt.writer, fmt.handlers, fmt.in_memory):
            if target:
                module = target.partition(":")[0]
                assert module.startswith(plan.APP_PACKAGE + "."), target
                assert importlib.util.find_spec(module) is not None, target


def test_no_module_the_app_imports_is_excluded():
    imported = _imports_of_app()
    for excluded in plan.EXCLUDED_MODULES:
        hits = {n for n in imported if n == excluded or n.startswith(excluded + ".")}
        assert not hits, f"{excluded} is excluded from the frozen app but imported: {hits}"


def test_the_qt_modules_the_app_imports_are_kept():
    used = {m.split(".")[1] for m in _imports_of_app()
            if m.startswith("PySide6.Qt") and m.count(".") >= 1}
    assert used <= set(plan.QT_MODULES), used - set(plan.QT_MODULES)
    for module in plan.QT_MODULES:
        assert f"PySide6.{module}" not in plan.EXCLUDED_MODULES


def test_every_bundled_data_folder_is_collected():
    # Each folder pyproject maps into the package (resources, templates, the guide) ships.
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    mapped = {package for package, folder in setuptools["package-dir"].items()
              if package != "desktop_app"}
    assert mapped <= set(plan.DATA_PACKAGES)
    assert {"reportlab", "docx"} <= set(plan.DATA_PACKAGES)
    for package in mapped:
        assert package in setuptools["packages"]


@pytest.mark.parametrize("dest, platform, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "linux", False),
    ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", "linux", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "linux", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "linux", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", "linux", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux", True),
    ("PySide6/Qt/translations/qtbase_de.qm", "linux", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", "linux", True),
    ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "linux", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", "linux", False),
    ("libstdc++.so.6", "linux", False),
    ("libX11.so.6", "linux", False),
    ("libfontconfig.so.1", "linux", False),
    ("libpython3.11.so.1.0", "linux", True),
    ("pillow.libs/libjpeg-6dc8d115.so.62.4.0", "linux", True),
    ("pikepdf.libs/libqpdf-781b0270.so.30.4.2", "linux", True),
    # Windows keeps its plugins in PySide6/plugins, and ships no system libraries to drop.
    ("PySide6\\plugins\\platforms\\qwindows.dll", "win32", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", "win32", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", "win32", True),
    ("PySide6\\translations\\qtbase_fr.qm", "win32", False),
    ("PySide6\\opengl32sw.dll", "win32", False),
    ("PySide6\\Qt6Widgets.dll", "win32", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "darwin", True),
    ("desktop_app/resources/fonts/Lato-Regular.ttf", "linux", True),
])
def test_what_the_build_keeps(dest, platform, kept):
    assert plan.keep(dest, platform) is kept


def test_the_launchers_become_the_helper_before_importing_the_app():
    for name in ("bulletin.py", "bulletin-editor.py"):
        text = (REPO / "packaging" / "launchers" / name).read_text()
        assert text.index("multiprocessing.freeze_support()") < text.index("from desktop_app")


def test_the_deb_depends_on_well_formed_package_names():
    for depend in plan.DEB_DEPENDS:
        for alternative in depend.split("|"):
            assert re.fullmatch(r"[a-z0-9][a-z0-9.+-]+( \((>=|<=|=|>>|<<) [0-9][^)]*\))?",
                                alternative.strip()), depend


def test_the_smoke_test_reads_every_registered_format_from_export_help():
    import subprocess
    import sys

    check = _load(REPO / "packaging" / "smoke_check.py", "smoke_check")
    help_text = subprocess.run([sys.executable, "-m", "desktop_app", "export", "--help"],
                               capture_output=True, text=True, check=True).stdout
    found = check.formats(help_text)
    assert [name for name, _ in found] == [fmt.name for fmt in formats.FORMATS]
    for (name, out), fmt in zip(found, formats.FORMATS, strict=True):
        assert out == (f"bulletin-{name}" if fmt.is_folder else f"bulletin{fmt.suffix}")


def test_the_qt_plugin_hook_imports_no_qt(tmp_path, monkeypatch):
    # It replaces PyInstaller's PySide6 hook, which imported QtCore in every frozen process.
    import os
    import sys

    source = (REPO / "packaging" / "launchers" / "rth_qt_plugins.py").read_text()
    assert "PySide6" not in {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}
    assert not [n for n in ast.walk(ast.parse(source))
                if isinstance(n, (ast.Import, ast.ImportFrom))
                and any(a.name.startswith("PySide6") for a in n.names)]
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv("QT_PLUGIN_PATH", raising=False)
    exec(compile(source, "rth_qt_plugins.py", "exec"), {})
    expected = tmp_path / "PySide6" / ("plugins" if sys.platform == "win32" else "Qt/plugins")
    assert os.environ["QT_PLUGIN_PATH"] == str(expected)
    assert "pyi_rth_pyside6" in plan.RUNTIME_HOOKS_DROPPED
