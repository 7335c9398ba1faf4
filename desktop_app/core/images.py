"""Checking pictures before anything draws them: Pillow with its bomb limits as errors."""

from __future__ import annotations

import stat
import warnings
from functools import lru_cache
from pathlib import Path

from PIL import Image as PILImage

ALLOWED_FORMATS = ("PNG", "JPEG", "GIF")
MAX_PIXELS = 40_000_000  # about 7,000 x 5,700: more than any print picture needs
MAX_IMAGE_BYTES = 25 * 1024 * 1024


class ImageProblem(ValueError):
    """A picture that will not be drawn, with the reason in one line."""


def check_image(path: Path | str, full: bool = False) -> tuple[str, int, int]:
    """The format, width and height of a picture file; ImageProblem if it is unusable.

    ``full`` decodes every pixel (remembered per file version): a header check passes a
    truncated JPEG, which a PDF then embeds half grey.
    """
    path = Path(path)
    try:
        info = path.stat()
        size = info.st_size
    except OSError as exc:
        raise ImageProblem(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        # A pipe would hang the reader; a device never ends.
        raise ImageProblem(f"{path.name}: not a regular file")
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
    if full:
        damage = _damage(str(path), info.st_size, info.st_mtime_ns)
        if damage:
            raise ImageProblem(f"{path.name}: damaged picture, it cannot be decoded to the end "
                               f"({damage})")
    return fmt, width, height


@lru_cache(maxsize=256)
def _damage(path: str, _size: int, _mtime_ns: int) -> str:
    """Why a picture cannot be decoded to its last pixel ("" if it can): decoded once per
    version of the file, the answer kept either way (validate asks after every edit)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            with PILImage.open(path, formats=list(ALLOWED_FORMATS)) as img:
                img.load()
        except Exception as exc:  # noqa: BLE001 - any decoder failure is a damaged picture
            return _reason(exc)
    return ""


def _reason(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
