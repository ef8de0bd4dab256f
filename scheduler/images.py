"""Reading an image a user gives (a logo, a card): a regular file within the size limit, decoded only
when its pixel count is sane, so a small file that claims 20000x20000 pixels is refused, not unpacked."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from scheduler.fileio import read_input

MAX_PIXELS = 40_000_000  # about 6300x6300: far above any logo or card, far below what exhausts memory


def open_image(path: Path, shown: str, *, error: type, what: str = "image", fix: str = "replace it",
               max_pixels: int = MAX_PIXELS) -> Image.Image:
    """The decoded image, or one `error` line naming the file, what is wrong with it and `fix`."""
    data = read_input(path, shown, error=error, what="image", missing_hint=fix)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > max_pixels:
                raise error(f"{shown}: {width}x{height} pixels is more than an {what} may have "
                            f"({max_pixels // 1_000_000} million); {fix}")
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise error(f"{shown}: more pixels than an {what} may have ({max_pixels // 1_000_000} million); "
                    f"{fix}") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        reason = str(exc).split(" '", 1)[0] or type(exc).__name__
        raise error(f"{shown}: not a readable {what} ({reason}); {fix}") from None
    return image
