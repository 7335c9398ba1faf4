"""Render the app's icon from its SVG drawings into every size a desktop asks for.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Writes ``resources/icons/uk.gov.homeoffice.SocBulletin-SIZE.png`` (16 to 512 pixels; the
window uses these, and the Linux packages install them into the hicolor icon theme), and
``packaging/icons/`` the Windows ``.ico`` and macOS ``.icns`` made from the same pictures.
Sizes up to 32 are drawn from the simpler ``-small.svg``, which stays legible there. Run it
again after changing either drawing and commit the results: a build never renders icons.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "uk.gov.homeoffice.SocBulletin"
ICONS = ROOT / "resources" / "icons"
PLATFORM_ICONS = ROOT / "packaging" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_UP_TO = 32


def render(svg: Path, size: int) -> Image.Image:
    """The drawing at ``size`` pixels square, antialiased, as a Pillow RGBA image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a drawing Qt can read")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    PLATFORM_ICONS.mkdir(parents=True, exist_ok=True)
    pictures: dict[int, Image.Image] = {}
    for size in SIZES:
        drawing = ICONS / (f"{APP_ID}-small.svg" if size <= SMALL_UP_TO else f"{APP_ID}.svg")
        pictures[size] = render(drawing, size)
        out = ICONS / f"{APP_ID}-{size}.png"
        pictures[size].save(out, optimize=True)
        print(f"wrote {out.relative_to(ROOT)}")
    # Windows: every size up to 256 in one file, each from its own rendering.
    ico = PLATFORM_ICONS / f"{APP_ID}.ico"
    ico_sizes = [s for s in SIZES if s <= 256]
    pictures[256].save(ico, sizes=[(s, s) for s in ico_sizes],
                       append_images=[pictures[s] for s in ico_sizes if s != 256])
    print(f"wrote {ico.relative_to(ROOT)}")
    icns = PLATFORM_ICONS / f"{APP_ID}.icns"
    pictures[512].save(icns, append_images=[pictures[s] for s in (16, 32, 64, 128, 256)])
    print(f"wrote {icns.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
