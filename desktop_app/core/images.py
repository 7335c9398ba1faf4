"""Checking pictures before anything draws them: Pillow with its bomb limits as errors."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image as PILImage

ALLOWED_FORMATS = ("PNG", "JPEG", "GIF")
MAX_PIXELS = 40_000_000  # about 7,000 x 5,700: more than any print picture needs
MAX_IMAGE_BYTES = 25 * 1024 * 1024


class ImageProblem(ValueError):
    """A picture that will not be drawn, with the reason in one line."""


def check_image(path: Path | str) -> tuple[str, int, int]:
    """The format, width and height of a picture file; ImageProblem if it is unusable."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImageProblem(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    if size > MAX_IMAGE_BYTES:
        raise ImageProblem(f"{path.name}: {size / 2**20:.0f} MB is too big for a picture")
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            with PILImage.open(path, formats=list(ALLOWED_FORMATS)) as img:
                width, height = img.size
                if width * height > MAX_PIXELS:
                    raise ImageProblem(
                        f"{path.name}: {width}x{height} pixels is more than a picture needs"
                    )
                fmt = str(img.format)
                img.verify()
        except ImageProblem:
            raise
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise ImageProblem(f"{path.name}: refused, too many pixels") from None
        except PILImage.UnidentifiedImageError:
            raise ImageProblem(
                f"{path.name}: not a picture in an allowed format "
                f"({', '.join(ALLOWED_FORMATS)})"
            ) from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise ImageProblem(f"{path.name}: damaged picture ({exc})") from None
    return fmt, width, height
