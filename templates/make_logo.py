"""Draw ``templates/logos/partnership-mark.png``, the sample logo the "with-logo" theme names.

A white badge with a thin blue edge, so it reads on the PDF's blue masthead and on the Word
file's white page alike: three bars in the house colours, "SOC" and "Local Partnerships".
Run it again after changing the drawing::

    .venv/bin/python templates/make_logo.py

A team with its own logo puts the file beside its theme and names it there instead.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from desktop_app.resources import font_path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "logos" / "partnership-mark.png"
BLUE, PURPLE, TEAL = (0x1D, 0x2B, 0x64), (0x6B, 0x2C, 0x91), (0x00, 0x7F, 0x88)


def draw() -> Image.Image:
    """The logo at 600 x 240 pixels, on a transparent background."""
    image = Image.new("RGBA", (600, 240), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((4, 4, 595, 235), radius=28, fill=(255, 255, 255, 255),
                          outline=BLUE + (255,), width=6)
    for i, colour in enumerate((BLUE, PURPLE, TEAL)):
        x = 44 + i * 34
        pen.rounded_rectangle((x, 52, x + 22, 188), radius=6, fill=colour + (255,))
    black = ImageFont.truetype(str(font_path("Lato-Black.ttf")), 104)
    bold = ImageFont.truetype(str(font_path("Lato-Bold.ttf")), 36)
    pen.text((170, 34), "SOC", font=black, fill=BLUE + (255,))
    pen.text((172, 150), "Local Partnerships", font=bold, fill=PURPLE + (255,))
    return image


def main() -> None:
    TARGET.parent.mkdir(exist_ok=True)
    draw().save(TARGET, format="PNG", optimize=True)
    print(f"Wrote {TARGET}")


if __name__ == "__main__":
    main()
