"""What goes into the frozen app, and what is left out: read by ``bulletin.spec``.

Kept apart from the spec so a plain test (``tests/test_freeze_plan.py``) can check it without
running PyInstaller: that every module the export registry names is collected, that every
bundled file is carried, and that no Qt module the app imports is thrown away.

The Qt wheels bring every plugin Qt has. The app is a widgets window with a PDF view: it needs
a windowing system (X11, Wayland, Windows, macOS), the desktop's theme and input methods, and
the picture formats contributors send. It does not need OpenGL, embedded Linux back ends
(eglfs, linuxfb, VNC), networking back ends (the app never goes online), Qt's translations of
its own dialogs (the app is in English) or any QML, WebEngine, 3D or multimedia module.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import PurePosixPath

# Packages whose data files (non-Python files) ship with the app, and where they come from:
# ours first, then the libraries that read their own data at run time.
DATA_PACKAGES = (
    "desktop_app.resources",  # fonts, the demo edition, icons, dictionaries
    "desktop_app.templates",  # themes, the Word reference document, article templates, logos
    "desktop_app.guide",  # the user guide and its pictures (Help > User guide)
    "reportlab",  # its standard fonts' metrics and the fonts folder it searches
    "docx",  # python-docx's default document and templates
)

# Distributions whose metadata must be readable frozen (importlib.metadata.version()).
METADATA = ("soc-bulletin",)

# Imported by name only (the export registry's "module:function" strings, the background
# helper's job targets): PyInstaller cannot see these, so the spec collects every submodule
# of the app. Listed here for the test that checks the registry is covered.
APP_PACKAGE = "desktop_app"

# Imported in ways PyInstaller cannot follow. reportlab loads its C accelerator (the
# rl_accel distribution) with exec(): without it the frozen PDF falls back to the pure-Python
# number formatting, which rounds a few coordinates differently (and exports 1.6x slower).
HIDDEN_IMPORTS = ("_rl_accel",)

# PyInstaller's run-time hooks the frozen programs do without (packaging/launchers/
# rth_qt_plugins.py does the one thing the app needs from this one, without importing Qt).
RUNTIME_HOOKS_DROPPED = ("pyi_rth_pyside6",)

# Packages whose .py files must also exist as files: python-docx finds its templates from a
# module's folder ("docx/parts/../templates"), a path the OS resolves only if docx/parts is
# a real folder.
MODULE_COLLECTION_MODE = {"docx": "pyz+py"}

# Python modules the app never uses, which PyInstaller would otherwise pull in through
# optional imports. Each saves space and start-up time.
EXCLUDED_MODULES = (
    "tkinter", "unittest", "pydoc", "doctest", "pdb", "lib2to3", "setuptools", "pip",
    "distutils", "pytest", "hypothesis", "pypdf", "page", "ruff", "IPython", "numpy",
    "readline", "curses", "sqlite3", "xmlrpc", "ftplib", "imaplib", "poplib", "smtplib",
    "ssl", "_ssl", "_hashlib",  # never online; hashlib falls back to its own digests
    "PIL._avif", "PIL._webp", "PIL._imagingft", "PIL._imagingtk", "PIL.ImageQt",
    "lxml.objectify", "lxml.html", "lxml.isoschematron",  # only lxml.etree is read
    # Qt modules outside the app: none of these may be imported by desktop_app.
    "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtQml",
    "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets",
    "PySide6.Qt3DCore", "PySide6.QtCharts", "PySide6.QtDataVisualization", "PySide6.QtSql",
    "PySide6.QtTest", "PySide6.QtDBus", "PySide6.QtSvgWidgets", "PySide6.QtXml",
    "PySide6.QtUiTools", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtPrintSupport",
)

# The Qt modules the app imports (checked against the source by the test), and QtSvg, which
# the SVG icon engine and image format plugins load.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtSvg")

# Qt plugins kept, by "folder/file stem" pattern; every other plugin is dropped.
QT_PLUGINS_KEPT = (
    "platforms/*qxcb*",  # X11
    "platforms/*qwayland*",  # Wayland (Ubuntu and Fedora sessions), sharp fractional scaling
    "platforms/*qoffscreen*",  # headless runs: self-test and screenshots on a server
    "platforms/*qwindows*",  # Windows
    "platforms/*qcocoa*",  # macOS
    "platformthemes/*",  # the desktop's light or dark palette and its file dialogs
    "platforminputcontexts/*",  # compose keys and input methods: accents, other scripts
    "styles/*",  # the native look on Windows (qmodernwindowsstyle) and macOS
    "iconengines/*qsvgicon*",  # the desktop's SVG icon themes (file dialogs)
    "imageformats/*qjpeg*",  # contributors' pictures, shown in the window
    "imageformats/*qgif*",
    "imageformats/*qsvg*",
    "imageformats/*qico*",  # the Windows icon
    "wayland-shell-integration/*xdg-shell*",  # the one shell Wayland desktops speak
    "wayland-decoration-client/*",  # title bars where the compositor draws none (GNOME)
)

# Qt libraries that only dropped plugins or unused modules load.
QT_LIBRARIES_DROPPED = (
    "*Qt6EglFSDeviceIntegration*", "*Qt6EglFsKmsSupport*", "*Qt6EglFsKmsGbmSupport*",
    "*Qt6WlShellIntegration*", "*Qt6Quick*", "*Qt6Qml*", "*Qt6OpenGL*",
    "opengl32sw.dll",  # Windows' software OpenGL (20 MB): widgets draw without OpenGL
    "*Qt6VirtualKeyboard*", "*Qt6WebEngine*", "*Qt6Multimedia*", "*Qt6Sql*", "*Qt6Test*",
)

# System libraries a Linux desktop always has, which must come from the system rather than
# from the build machine: they talk to the X server, the compositor, fonts, D-Bus and the
# graphics drivers, and a second, older copy beside the system's breaks those (the classic
# case: an old libstdc++ in the bundle and a newer Mesa driver that needs the newer one). The
# .deb depends on the packages that hold them (DEB_DEPENDS); the .tar.gz lists them.
LINUX_SYSTEM_LIBRARIES = (
    "libstdc++.so*", "libgcc_s.so*",
    "libX11*.so*", "libXau.so*", "libXdmcp.so*", "libXext.so*", "libXrender.so*",
    "libXi.so*", "libXfixes.so*", "libXcursor.so*", "libXrandr.so*", "libXinerama.so*",
    "libXcomposite.so*", "libXdamage.so*", "libxcb*.so*", "libxkbcommon*.so*",
    "libwayland-*.so*", "libEGL*.so*", "libGL*.so*", "libOpenGL*.so*", "libdrm*.so*",
    "libgbm*.so*", "libfontconfig.so*", "libfreetype.so*", "libharfbuzz.so*", "libexpat.so*",
    "libpng16.so*", "libz.so*", "libbz2.so*", "libbrotli*.so*", "libjpeg.so*",
    "libglib-2.0.so*", "libgobject-2.0.so*", "libgio-2.0.so*", "libgmodule-2.0.so*",
    "libgthread-2.0.so*", "libgtk-3.so*", "libgdk-3.so*", "libgdk_pixbuf-2.0.so*",
    "libatk*.so*", "libatspi.so*", "libcairo*.so*", "libpango*.so*", "libpixman-1.so*",
    "libepoxy.so*", "libfribidi.so*", "libthai.so*", "libdatrie.so*", "libgraphite2.so*",
    "libdbus-1.so*", "libsystemd.so*", "libgcrypt.so*", "libgpg-error.so*", "liblz4.so*",
    "libzstd.so*", "liblzma.so*", "libcap.so*", "libmount.so*", "libblkid.so*",
    "libselinux.so*", "libpcre2-*.so*", "libffi.so*", "libbsd.so*", "libmd.so*",
    "libuuid.so*",
    "libgssapi_krb5.so*", "libkrb5*.so*", "libk5crypto.so*", "libcom_err.so*",
    "libkeyutils.so*", "libresolv.so*",
)

# The Debian packages holding those libraries, which the .deb depends on; the same list as
# the Makefile's QT_DEBS, plus what Qt's network library (which QtPdf links) needs.
DEB_DEPENDS = (
    "libc6 (>= 2.31)", "libstdc++6", "libegl1", "libgl1", "libxkbcommon0",
    "libxkbcommon-x11-0", "libfontconfig1", "libfreetype6", "libdbus-1-3", "libglib2.0-0",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0", "libxcb-xinerama0",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-image0", "libx11-xcb1", "libgssapi-krb5-2",
    "zlib1g", "libbz2-1.0", "liblzma5", "libexpat1", "libffi8", "libuuid1",
)


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def qt_plugin(dest: str) -> str | None:
    """``"platforms/libqxcb.so"`` for a file under Qt's plugins folder, else None.

    The wheels put plugins in PySide6/Qt/plugins (Linux, macOS) or PySide6/plugins (Windows).
    """
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "plugins" not in parts:
        return None
    at = parts.index("plugins")
    if at == 0 or parts[at - 1] not in ("Qt", "Qt6", "PySide6"):
        return None
    rest = parts[at + 1:]
    return "/".join(rest) if len(rest) >= 2 else None


def keep(dest: str, platform: str) -> bool:
    """Whether a file PyInstaller collected (its path in the bundle) goes into the app."""
    path = dest.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    plugin = qt_plugin(path)
    if plugin is not None:
        folder, _, file = plugin.partition("/")
        return _matches(f"{folder}/{file}", QT_PLUGINS_KEPT)
    if re.search(r"(^|/)PySide6/(Qt6?/)?translations/", path):
        return False
    if _matches(name, QT_LIBRARIES_DROPPED):
        return False
    if platform.startswith("linux") and "/" not in path and _matches(name, LINUX_SYSTEM_LIBRARIES):
        return False
    return True
