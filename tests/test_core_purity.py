"""The core never imports Qt: every core module imports with PySide6 blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import desktop_app.core

BLOCKER = """
import importlib.abc, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError(f'core imported {name}')
        return None

sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
print('imported', len(sys.argv) - 1)
"""


def core_modules() -> list[str]:
    names = ["desktop_app.core", "desktop_app.cli", "desktop_app.resources",
             "desktop_app.templates"]
    for info in pkgutil.walk_packages(desktop_app.core.__path__, "desktop_app.core."):
        names.append(info.name)
    return names


def test_every_core_module_imports_without_qt():
    names = core_modules()
    assert len(names) >= 12  # model, storage, markup, layout, blocks, validate, ... are found
    result = subprocess.run([sys.executable, "-c", BLOCKER, *names], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"imported {len(names)}" in result.stdout
